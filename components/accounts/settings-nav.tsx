import Link from "next/link";

const sections = [
  { key: "providers", href: "/settings", label: "Providers" },
  { key: "accounts", href: "/settings/accounts", label: "Accounts" },
  { key: "security", href: "/settings/security", label: "Security events" },
] as const;

export function SettingsNav({ current }: { current: (typeof sections)[number]["key"] }) {
  return (
    <nav aria-label="Settings" className="settings-nav">
      {sections.map((section) => (
        <Link key={section.key} href={section.href} aria-current={section.key === current ? "page" : undefined}>
          {section.label}
        </Link>
      ))}
    </nav>
  );
}
