// SPDX-License-Identifier: GPL-2.0
/* The length modifier of a printf or scanf conversion, which both families spell alike. */
#include "libc.h"

int __fmt_length(const char **fmtp)
{
	const char *fmt = *fmtp;
	int lm = 0;

	switch (*fmt) {
	case 'h':
		lm = 'h';
		if (*++fmt == 'h') {
			lm = 'H';
			fmt++;
		}
		break;
	case 'l':
		lm = 'l';
		if (*++fmt == 'l') {
			lm = 'q';
			fmt++;
		}
		break;
	case 'q':
	case 'j':
	case 'z':
	case 't':
	case 'L':
		lm = *fmt++;
		/* intmax_t, size_t and ptrdiff_t are all long on x86-64. */
		if (lm == 'j' || lm == 'z' || lm == 't')
			lm = 'l';
		break;
	}
	*fmtp = fmt;
	return lm;
}
