import { Button } from '../../../components/ui/index.ts';

type TPagination = { total: number; limit: number; offset: number; hasNext: boolean; hasPrev: boolean };

/** Previous / next over a SPEC pagination object. */
export function Pager({
  pagination,
  pageSize,
  onOffset,
  label,
}: {
  pagination: TPagination;
  pageSize: number;
  onOffset: (offset: number) => void;
  label: string;
}) {
  const { total, offset, hasNext, hasPrev } = pagination;
  if (!hasNext && !hasPrev) return null;
  const last = Math.min(offset + pageSize, total);
  return (
    <nav className="pager" aria-label={label}>
      <span className="muted">
        {offset + 1}–{last} of {total}
      </span>
      <Button size="sm" disabled={!hasPrev} onClick={() => onOffset(Math.max(0, offset - pageSize))}>
        Previous
      </Button>
      <Button size="sm" disabled={!hasNext} onClick={() => onOffset(offset + pageSize)}>
        Next
      </Button>
    </nav>
  );
}
