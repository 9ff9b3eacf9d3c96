export const dynamic = "force-dynamic";

import { getConfig } from "@/lib/config";

export default function Home() {
  const site = getConfig().PARLEY_SITE_NAME;
  return (
    <main className="landing">
      <h1>{site}</h1>
      <p>
        This server hosts shared OpenCode conversations for your team. Share links look like <code>/s/&lt;id&gt;</code>; nothing here is listed or searchable.
      </p>
      <h2>Point OpenCode at it</h2>
      <p>
        Add this to <code>opencode.json</code>, then type <code>/share</code> in a session:
      </p>
      <pre>{`{ "enterprise": { "url": "<this server's URL>" } }`}</pre>
    </main>
  );
}
