// SPDX-License-Identifier: GPL-2.0
/*
 * more: the pager of less.c under the name more, which it goes by: the text stays on the
 * screen, the status line is "--More--(N%)", and it ends once the end has been shown.
 * Every coreutil is one NAME.c, hence this file rather than a link.
 */
#include "less.c"
