// Just the slice of autocannon 9 the benches use (the package ships no types; @types/autocannon is absent).
declare module 'autocannon' {
  interface Histogram {
    average: number;
    p99?: number;
    p97_5?: number;
  }
  interface Result {
    requests: Histogram;
    latency: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
  }
  interface Options {
    url: string;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    connections?: number;
    duration?: number;
  }
  function autocannon(opts: Options): Promise<Result>;
  export default autocannon;
}
