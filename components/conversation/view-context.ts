// What every renderer may need to know about the session beyond its own part.
export type ViewContext = {
  directory?: string;
  /** The share being viewed: scopes cached renderings and builds raw/file URLs. */
  shareId: string;
};
