// /share/<id> is the form `opencode import` accepts; it shows the same page as /s/<id>.
export { default, generateMetadata } from "../../s/[id]/page";

export const dynamic = "force-dynamic";
