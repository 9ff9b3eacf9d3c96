// Any other path under /api – JSON 404 in the error model, instead of Next's HTML not-found page.
import { ApiError, toErrorResponse } from "@/lib/http/api";

export const dynamic = "force-dynamic";

const notFound = () => toErrorResponse(new ApiError("not_found", "No such API endpoint"));
export { notFound as GET, notFound as POST, notFound as PUT, notFound as DELETE, notFound as PATCH };
