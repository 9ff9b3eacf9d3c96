// The fuzz server's configuration: small limits, so huge bodies and full shares are cheap to reach,
// and rate limits out of the way (the fuzzer is one client address sending thousands of lookups).
export const FUZZ_ENV = {
  PARLEY_RATE_CREATE: "1000000/1m",
  PARLEY_RATE_LOOKUP: "1000000/1m",
  PARLEY_MAX_BODY: "256KiB",
  PARLEY_MAX_SHARE: "512KiB",
};
