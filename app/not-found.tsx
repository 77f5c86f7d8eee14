import Link from "next/link";

export default function NotFound() {
  return (
    <main className="page">
      <h1>Not found</h1>
      <p>There is no call or page at this address. It may have been deleted at the provider.</p>
      <Link href="/queue">Back to the queue</Link>
    </main>
  );
}
