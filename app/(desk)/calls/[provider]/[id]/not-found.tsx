import Link from "next/link";

export default function CallNotFound() {
  return (
    <main className="page">
      <h1>No such call</h1>
      <p>The provider has no call with this id. It may have been deleted there, or the link is wrong.</p>
      <Link href="/queue">Back to the queue</Link>
    </main>
  );
}
