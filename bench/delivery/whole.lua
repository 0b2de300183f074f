-- wrk script: whole-file GETs; prints throughput in a parseable line.
done = function(summary, latency, requests)
  io.write(string.format("RESULT req/s=%.1f bytes/s=%.1f non2xx=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6), summary.bytes / (summary.duration / 1e6),
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
