-- wrk script: every request asks for a random 64 KiB range of the file (length in env FILE_LENGTH).
local length = tonumber(os.getenv("FILE_LENGTH"))
local span = 65536
math.randomseed(os.time())

request = function()
  local first = math.random(0, length - span)
  return wrk.format("GET", nil, { ["Range"] = "bytes=" .. first .. "-" .. (first + span - 1) })
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT req/s=%.1f bytes/s=%.1f non2xx=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6), summary.bytes / (summary.duration / 1e6),
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
