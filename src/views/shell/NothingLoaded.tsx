/** A view's page before anything it shows is loaded: its heading, and where to load data. */
export function NothingLoaded({ titleId, title, what }: { titleId: string; title: string; what: string }) {
  return (
    <section aria-labelledby={titleId}>
      <h1 id={titleId}>{title}</h1>
      <p>{`No ${what} loaded yet. Use Load data to add a manifest and its extracts.`}</p>
    </section>
  );
}
