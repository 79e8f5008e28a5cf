/**
 * The Lua scripts behind the Redis store. Each runs atomically on the Redis server, which is what
 * makes the store safe with many instances: an idempotency claim is one check-and-set, a live
 * event gets its id, lands in the replay log and is published in one step (so every subscriber
 * sees ids in order), and a cache write is refused once a webhook has moved the generation.
 *
 * Keys named inside scripts (index members, cache entries) assume one Redis primary, not a
 * cluster; the store's README says so.
 */

/**
 * KEYS: sequence, replay log. ARGV: channel, topic as JSON, event as JSON, log length, log ttl
 * ms, floor. Ids never go backwards, even after Redis lost its data: the sequence is lifted to
 * at least the floor (the time in microseconds), so a client resuming with an id from before an
 * outage still gets what comes after it.
 */
export const PUBLISH = `
if redis.call('INCR', KEYS[1]) < tonumber(ARGV[6]) then redis.call('SET', KEYS[1], ARGV[6]) end
-- Read back as a string: Lua would print a 16-digit number in exponent form.
local id = redis.call('GET', KEYS[1])
local message = '{"id":"' .. id .. '","topic":' .. ARGV[2] .. ',"event":' .. ARGV[3] .. '}'
redis.call('RPUSH', KEYS[2], message)
redis.call('LTRIM', KEYS[2], -tonumber(ARGV[4]), -1)
redis.call('PEXPIRE', KEYS[2], ARGV[5])
redis.call('PUBLISH', ARGV[1], message)
return message
`;

/** KEYS: entry, owner index. ARGV: owner, fingerprint, ttl ms, now ms, keys per owner. */
export const IDEMPOTENCY_CLAIM = `
local fingerprint = redis.call('HGET', KEYS[1], 'fingerprint')
if fingerprint then
  if fingerprint ~= ARGV[2] then return {'mismatch'} end
  local outcome = redis.call('HGET', KEYS[1], 'outcome')
  if outcome then return {'completed', outcome} end
  return {'in_flight'}
end
redis.call('HSET', KEYS[1], 'fingerprint', ARGV[2], 'owner', ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', tonumber(ARGV[4]) - tonumber(ARGV[3]))
redis.call('ZADD', KEYS[2], ARGV[4], KEYS[1])
redis.call('PEXPIRE', KEYS[2], ARGV[3])
local excess = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[5])
if excess > 0 then
  for _, victim in ipairs(redis.call('ZRANGE', KEYS[2], 0, excess - 1)) do
    redis.call('DEL', victim)
    redis.call('ZREM', KEYS[2], victim)
  end
end
return {'started'}
`;

/** KEYS: entry. ARGV: outcome as JSON. */
export const IDEMPOTENCY_COMPLETE = `
if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('HSET', KEYS[1], 'outcome', ARGV[1]) end
return 1
`;

/** KEYS: entry. Forgets a key only while it is still in flight. */
export const IDEMPOTENCY_RELEASE = `
if redis.call('HEXISTS', KEYS[1], 'outcome') == 0 then redis.call('DEL', KEYS[1]) end
return 1
`;

/** KEYS: generation. ARGV: entry prefix, field. Returns {generation, value|false}. */
export const CACHE_READ = `
local generation = redis.call('GET', KEYS[1]) or '0'
return {generation, redis.call('GET', ARGV[1] .. generation .. ':' .. ARGV[2])}
`;

/** KEYS: generation. ARGV: entry prefix, field, value, ttl ms, generation read. */
export const CACHE_WRITE = `
local generation = redis.call('GET', KEYS[1]) or '0'
if generation ~= ARGV[5] then return 0 end
redis.call('SET', ARGV[1] .. generation .. ':' .. ARGV[2], ARGV[3], 'PX', ARGV[4])
return 1
`;

/** KEYS: generations. ARGV: ttl ms of a generation counter. */
export const CACHE_INVALIDATE = `
for _, key in ipairs(KEYS) do
  redis.call('INCR', key)
  redis.call('PEXPIRE', key, ARGV[1])
end
return 1
`;

/** KEYS: counter. ARGV: window ms. Returns {count, ms left in the window}. */
export const RATE_LIMIT_HIT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {count, redis.call('PTTL', KEYS[1])}
`;
