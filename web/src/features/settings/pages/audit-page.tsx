import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import {
  Button,
  Card,
  EmptyState,
  ErrorAlert,
  Input,
  PageHeader,
  Spinner,
  Table,
} from '../../../components/ui/index.ts';
import { formatDateTime } from '../../dashboard/format.ts';
import { AUDIT_PAGE, auditKey, fetchAudit, type TAuditEvent } from '../api/audit.ts';
import { Pager } from '../components/pager.tsx';

/** /settings/audit: the organization's domain events, newest first, paged, filterable by type. */
export function AuditPage() {
  const [offset, setOffset] = useState(0);
  const [type, setType] = useState('');
  const [draft, setDraft] = useState('');
  const audit = useQuery({
    queryKey: auditKey(offset, type),
    queryFn: ({ signal }) => fetchAudit(offset, type, signal),
    placeholderData: keepPreviousData,
  });
  const filter = (event: FormEvent) => {
    event.preventDefault();
    setOffset(0);
    setType(draft.trim());
  };
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Sign-ins, membership and role changes, keys, projects and more."
      />
      <Card>
        <form className="inline-form" onSubmit={filter} aria-label="Filter the audit log">
          <Input
            label="Event type"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            placeholder="e.g. member.role_changed"
            hint="Exact type; empty shows every event."
          />
          <Button type="submit">Filter</Button>
        </form>
        {audit.isPending && <Spinner label="Loading the audit log…" />}
        {audit.isError && (
          <ErrorAlert
            title="The audit log could not be loaded"
            error={audit.error}
            onRetry={() => audit.refetch()}
          />
        )}
        {audit.data && audit.data.data.length === 0 && (
          <EmptyState title={type ? `No “${type}” events` : 'No events yet'}>
            {type
              ? 'Clear the filter to see every event.'
              : 'Events appear as members sign in, invite, create keys and change projects.'}
          </EmptyState>
        )}
        {audit.data && audit.data.data.length > 0 && (
          <>
            <Table<TAuditEvent>
              caption="Audit events"
              rows={audit.data.data}
              rowKey={(e) => e.id}
              columns={[
                { key: 'time', header: 'When', cell: (e) => formatDateTime(e.timestamp) },
                { key: 'type', header: 'Event', cell: (e) => <code>{e.type}</code> },
                {
                  key: 'user',
                  header: 'By',
                  cell: (e) => (e.userId ? <code>{e.userId.slice(0, 8)}</code> : 'system'),
                },
                { key: 'subject', header: 'Subject', cell: (e) => <code>{e.aggregateId.slice(0, 8)}</code> },
                {
                  key: 'details',
                  header: 'Details',
                  cell: (e) =>
                    e.payload === undefined || e.payload === null ? (
                      '—'
                    ) : (
                      <details>
                        <summary>Show</summary>
                        <pre className="audit__payload">{JSON.stringify(e.payload, null, 2)}</pre>
                      </details>
                    ),
                },
              ]}
            />
            <Pager
              pagination={audit.data.pagination}
              pageSize={AUDIT_PAGE}
              onOffset={setOffset}
              label="Audit log pages"
            />
          </>
        )}
      </Card>
    </>
  );
}
