-- make bench: count responses whose status is not the expected one (per
-- thread), and print one machine-readable line when wrk is done.
-- Usage: wrk ... -s report.lua <url> -- <expected status>

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  expected = tonumber(args[1]) or 200
  unexpected = 0
end

function response(status, headers, body)
  if status ~= expected then
    unexpected = unexpected + 1
  end
end

function done(summary, latency, requests)
  local wrong = 0
  for _, thread in ipairs(threads) do
    wrong = wrong + thread:get("unexpected")
  end
  local errors = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests": %d, "duration_us": %d, "bytes": %d, '
      .. '"p50_us": %.0f, "p95_us": %.0f, "p99_us": %.0f, "mean_us": %.1f, "max_us": %.0f, '
      .. '"non_2xx_3xx": %d, "unexpected_status": %d, '
      .. '"connect_errors": %d, "read_errors": %d, "write_errors": %d, "timeouts": %d}\n',
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    latency.mean, latency.max,
    errors.status, wrong,
    errors.connect, errors.read, errors.write, errors.timeout
  ))
end
