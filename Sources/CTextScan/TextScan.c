#include "CTextScan.h"

#if defined(__SSE2__)
#include <emmintrin.h>

/// Whether each byte of `v`, read unsigned, lies in `low`…`low + span`.
static inline __m128i in_range(__m128i v, uint8_t low, uint8_t span) {
    __m128i shifted = _mm_sub_epi8(v, _mm_set1_epi8((char)low));
    return _mm_cmpeq_epi8(_mm_min_epu8(shifted, _mm_set1_epi8((char)span)), shifted);
}

/// Whether each byte of `v`, read unsigned, is at least `low`.
static inline __m128i at_least(__m128i v, uint8_t low) {
    return _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8((char)low)), v);
}

static inline __m128i equal(__m128i v, uint8_t value) {
    return _mm_cmpeq_epi8(v, _mm_set1_epi8((char)value));
}

size_t hamkor_skip_plain_utf8(const uint8_t *bytes, size_t count, size_t index) {
    const size_t entry = index;
    // A block reads three bytes before it (the leads its first bytes continue) and two after
    // it (the rest of a three-byte scalar starting in it).
    if (index < 3) return index;
    while (index + 18 <= count) {
        const uint8_t *at = bytes + index;
        __m128i v0 = _mm_loadu_si128((const __m128i *)at);
        __m128i before1 = _mm_loadu_si128((const __m128i *)(at - 1));
        __m128i before2 = _mm_loadu_si128((const __m128i *)(at - 2));
        __m128i before3 = _mm_loadu_si128((const __m128i *)(at - 3));
        __m128i after1 = _mm_loadu_si128((const __m128i *)(at + 1));
        __m128i after2 = _mm_loadu_si128((const __m128i *)(at + 2));

        // Controls but line feed and carriage return (tab included: the exact path notes it), DEL.
        __m128i odd = _mm_andnot_si128(_mm_or_si128(equal(v0, 0x0A), equal(v0, 0x0D)), in_range(v0, 0x00, 0x1F));
        odd = _mm_or_si128(odd, equal(v0, 0x7F));
        // C0, C1 (never valid), C2 (C1 controls among its scalars), E0, ED, EF (byte order
        // mark, noncharacters), F0 and up.
        odd = _mm_or_si128(odd, in_range(v0, 0xC0, 2));
        odd = _mm_or_si128(odd, equal(v0, 0xE0));
        odd = _mm_or_si128(odd, equal(v0, 0xED));
        odd = _mm_or_si128(odd, equal(v0, 0xEF));
        odd = _mm_or_si128(odd, at_least(v0, 0xF0));
        // E2 80 A6–AE and E2 81 A6–AE: bidirectional controls and their neighbours.
        __m128i suspect = _mm_and_si128(equal(v0, 0xE2), in_range(after1, 0x80, 1));
        odd = _mm_or_si128(odd, _mm_and_si128(suspect, in_range(after2, 0xA6, 8)));
        // Continuation bytes exactly where the leads before them call for one.
        __m128i continuation = equal(_mm_and_si128(v0, _mm_set1_epi8((char)0xC0)), 0x80);
        __m128i expected = _mm_or_si128(at_least(before1, 0xC0),
                                        _mm_or_si128(at_least(before2, 0xE0), at_least(before3, 0xF0)));
        odd = _mm_or_si128(odd, _mm_xor_si128(continuation, expected));
        if (_mm_movemask_epi8(odd) != 0) break;
        index += 16;
    }
    // Back to the lead of a scalar the last block passed ends inside of (its bytes so far were
    // checked; whether the rest follows is for the next block or the exact path to see).
    if (index > entry) {
        if (bytes[index - 1] >= 0xC0) index -= 1;
        else if (bytes[index - 2] >= 0xE0) index -= 2;
        else if (bytes[index - 3] >= 0xF0) index -= 3;
    }
    return index;
}

size_t hamkor_find_any4(const uint8_t *bytes, size_t count, size_t index,
                        uint8_t a, uint8_t b, uint8_t c, uint8_t d) {
    const __m128i va = _mm_set1_epi8((char)a), vb = _mm_set1_epi8((char)b);
    const __m128i vc = _mm_set1_epi8((char)c), vd = _mm_set1_epi8((char)d);
    while (index + 16 <= count) {
        __m128i v = _mm_loadu_si128((const __m128i *)(bytes + index));
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(v, vb)),
                                   _mm_or_si128(_mm_cmpeq_epi8(v, vc), _mm_cmpeq_epi8(v, vd)));
        unsigned mask = (unsigned)_mm_movemask_epi8(hit);
        if (mask != 0) return index + (size_t)__builtin_ctz(mask);
        index += 16;
    }
    for (; index < count; index++) {
        uint8_t byte = bytes[index];
        if (byte == a || byte == b || byte == c || byte == d) return index;
    }
    return count;
}

#else

size_t hamkor_skip_plain_utf8(const uint8_t *bytes, size_t count, size_t index) {
    (void)bytes; (void)count;
    return index;
}

size_t hamkor_find_any4(const uint8_t *bytes, size_t count, size_t index,
                        uint8_t a, uint8_t b, uint8_t c, uint8_t d) {
    for (; index < count; index++) {
        uint8_t byte = bytes[index];
        if (byte == a || byte == b || byte == c || byte == d) return index;
    }
    return count;
}

#endif
