/** Stands in for a view whose own issue has not landed yet, saying plainly what it will show. */
export function PendingView({ title, what }: { title: string; what: string }) {
  return (
    <section aria-labelledby="pending-title">
      <h1 id="pending-title">{title}</h1>
      <p className="notice">
        This view is being built. It will show {what}. Meanwhile, the Data and ethics view describes every dataset and indicator
        loaded.
      </p>
    </section>
  );
}
