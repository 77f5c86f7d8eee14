/** Allo v2 payloads shaped like the examples in Allo's OpenAPI document. */

export function callItem(overrides: Record<string, unknown> = {}) {
  return {
    id: "cll-abc123",
    type: "CALL",
    direction: "INBOUND",
    allo_number: "+14155550100",
    contact_number: "+14155551234",
    contacts: [
      {
        id: "cnt-abc123",
        name: "Sarah Johnson",
        company: { id: "com-xyz789", name: "Acme Corp" },
        deals: [{ id: "dea-def456", name: "Enterprise Plan", status: "OPEN" }],
      },
    ],
    user: { id: "usr-abc123", name: "John", email: "john@acme.com" },
    date: "2023-11-07T05:31:56Z",
    duration: 123,
    result: "ANSWERED",
    recording_url: "https://storage.withallo.com/recordings/cll-abc123.mp3",
    summary: "# Summary\n\nCustomer asked about pricing.",
    tags: ["billing"],
    transcript: null,
    content: null,
    status: null,
    message_type: null,
    ...overrides,
  };
}

export const transcript = [
  { source: "USER", time: "2023-11-07T05:31:56Z", text: "Thanks for calling Acme, this is John." },
  { source: "EXTERNAL", time: "2023-11-07T05:32:01Z", text: "Hi, I have a question about pricing." },
];

export function searchPage(items: unknown[], pagination: Record<string, unknown> = {}) {
  return {
    data: items,
    pagination: { page: 1, size: 20, total_count: items.length, total_pages: 1, has_more: false, ...pagination },
  };
}

export const callSummary = {
  id: "cll-abc123",
  content: "# Summary\n\nCustomer asked about pricing for the Pro plan.",
  version: 4,
  updated_at: "2026-05-12T14:32:11",
  updated_by: { id: "usr-abc123", name: "Alex Kim" },
};
