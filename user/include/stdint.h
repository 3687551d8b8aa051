#ifndef _STDINT_H
#define _STDINT_H
/* The compiler's own definitions, which match the x86-64 ABI. */
#include <stdint-gcc.h>
#endif
