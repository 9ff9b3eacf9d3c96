// What every renderer may need to know about the session beyond its own part.
export type ViewContext = { directory?: string };
