// Environment for every test and benchmark that touches s3:// or gs://: without credentials the
// AWS SDK would probe the instance metadata service (169.254.169.254) and Google's auth library
// its metadata server. These switch both probes off, so no test traffic leaves 127.0.0.0/8.
export const NO_METADATA_ENV = { AWS_EC2_METADATA_DISABLED: 'true', METADATA_SERVER_DETECTION: 'none' } as const;
