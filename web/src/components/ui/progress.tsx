/** A labelled progress bar; without `value` it is indeterminate (work of unknown length). */
export function Progress({ label, value, max = 100 }: { label: string; value?: number; max?: number }) {
  const clamped = value === undefined ? undefined : Math.min(Math.max(value, 0), max);
  const percent = clamped === undefined ? undefined : Math.round((clamped / max) * 100);
  return (
    <div className="progress-field">
      <div className="progress-field__label">
        <span>{label}</span>
        {percent !== undefined && <span>{percent}%</span>}
      </div>
      <div
        className={percent === undefined ? 'progress progress--indeterminate' : 'progress'}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={clamped}
      >
        <div className="progress__bar" style={percent === undefined ? undefined : { width: `${percent}%` }} />
      </div>
    </div>
  );
}
