import type { Metadata, Viewport } from "next";
import "./globals.css";
import { getConfig } from "@/lib/config";

export function generateMetadata(): Metadata {
  const config = getConfig();
  return {
    title: { default: config.PARLEY_SITE_NAME, template: `%s · ${config.PARLEY_SITE_NAME}` },
    description: "Shared OpenCode conversations, hosted by your own team.",
    icons: { icon: { url: "/icon.svg", type: "image/svg+xml" } },
    ...(config.PARLEY_PUBLIC_URL ? { metadataBase: new URL(config.PARLEY_PUBLIC_URL) } : {}),
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  colorScheme: "light dark",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
