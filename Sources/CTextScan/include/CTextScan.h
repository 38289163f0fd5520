#ifndef CTEXTSCAN_H
#define CTEXTSCAN_H

#include <stddef.h>
#include <stdint.h>

/// Vector kernels for scanning UTF-8 text sixteen bytes at a time, for HamkorCore's file check
/// and CSV parser. Each kernel only skips text it has proved plain; the caller's exact byte
/// path decides everything else. Without SSE2 each returns `index` at once.

/// Skips text the file check accepts as it is: from `index` (a scalar boundary), whole blocks
/// of sixteen bytes of valid UTF-8 holding no control but line feed and carriage return, no
/// DEL, no C1 control, no byte order mark or noncharacter, no bidirectional control or its
/// neighbours, and none of the lead bytes whose second byte has narrower bounds (E0, ED, F0
/// and up, which the exact path checks). `index` must be at least 3 and the bytes before it
/// whole scalars. Returns where the exact path goes on: the lead byte of the first scalar not
/// wholly passed (`index` itself when its first block is not plain, or fewer than eighteen
/// bytes are left).
size_t hamkor_skip_plain_utf8(const uint8_t *bytes, size_t count, size_t index);

/// The first index at or after `index` whose byte is `a`, `b`, `c` or `d`, or `count`.
size_t hamkor_find_any4(const uint8_t *bytes, size_t count, size_t index,
                        uint8_t a, uint8_t b, uint8_t c, uint8_t d);

#endif
