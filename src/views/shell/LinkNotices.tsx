/** Says what in a shared link could not be used, instead of failing. */
export function LinkNotices({ notices }: { notices: readonly string[] }) {
  if (notices.length === 0) return null;
  return (
    <div className="notice notice--warning" role="status">
      <h2 className="notice__title">Some settings in this link could not be used</h2>
      <ul>
        {notices.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </div>
  );
}
