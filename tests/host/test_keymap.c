// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of the keyboard's translation (drivers/tty/keyboard_map.c): scan code set 1 to
 * the bytes Linux's console sends with the US keymap.
 */
#include "ktest_host.h"

#include "host_rename.h"

#include <kernel/vt.h>

/* Feeds the scan codes (a string of bytes) and collects the output and events. */
static const char *keys(struct kbd_state *kbd, const char *codes, size_t n, bool app,
			unsigned int *events)
{
	static char buf[128];
	size_t len = 0;

	*events = 0;
	for (size_t i = 0; i < n; i++) {
		char out[KBD_MAX_OUT];
		size_t m;

		*events |= kbd_translate(kbd, (unsigned char)codes[i], app, out, &m);
		for (size_t j = 0; j < m && len + 1 < sizeof(buf); j++)
			buf[len++] = out[j];
	}
	buf[len] = '\0';
	return buf;
}

#define KEYS(kbd, s, app, ev) keys(kbd, s, sizeof(s) - 1, app, ev)

KTEST(keymap_letters_shift_caps)
{
	struct kbd_state kbd = { 0 };
	unsigned int ev;

	/* h i, Shift+1, release Shift, Enter, Space, Backspace, Tab */
	EXPECT_STREQ(KEYS(&kbd, "\x23\xa3\x17\x97\x2a\x02\x82\xaa\x1c\x39\x0e\x0f", false, &ev),
		     "hi!\r \x7f\t");
	EXPECT_STREQ(KEYS(&kbd, "\x36\x1e\x0c\x28\xb6\x1e", false, &ev), "A_\"a");
	/* Caps Lock: letters up, digits not; Shift brings letters back down. */
	EXPECT_STREQ(KEYS(&kbd, "\x3a\xba\x1e\x02\x2a\x1e\xaa", false, &ev), "A1a");
	EXPECT_TRUE(kbd.capslock);
	EXPECT_STREQ(KEYS(&kbd, "\x3a\xba\x1e", false, &ev), "a");
}

KTEST(keymap_ctrl_and_alt)
{
	struct kbd_state kbd = { 0 };
	unsigned int ev;

	/* Ctrl+C, Ctrl+Z, Ctrl+[, Ctrl+Space, Ctrl+Shift+- , release */
	EXPECT_STREQ(KEYS(&kbd, "\x1d\x2e\x2c\x1a", false, &ev), "\x03\x1a\x1b");
	EXPECT_STREQ(KEYS(&kbd, "\x39", false, &ev), "");
	EXPECT_EQ(keys(&kbd, "\x39", 1, false, &ev)[0], 0);
	EXPECT_STREQ(KEYS(&kbd, "\x9d\x2e", false, &ev), "c");
	/* Right Ctrl (E0 1D) too */
	EXPECT_STREQ(KEYS(&kbd, "\xe0\x1d\x20\xe0\x9d", false, &ev), "\x04");
	/* Alt+b, Alt+Shift+f as ESC prefixes */
	EXPECT_STREQ(KEYS(&kbd, "\x38\x30\x2a\x21\xaa\xb8\x30", false, &ev), "\033b\033Fb");
}

KTEST(keymap_cursor_and_editing_keys)
{
	struct kbd_state kbd = { 0 };
	unsigned int ev;

	EXPECT_STREQ(KEYS(&kbd, "\xe0\x48\xe0\xc8\xe0\x50\xe0\x4d\xe0\x4b", false, &ev),
		     "\033[A\033[B\033[C\033[D");
	EXPECT_STREQ(KEYS(&kbd, "\xe0\x48\xe0\x4b", true, &ev), "\033OA\033OD");
	EXPECT_STREQ(KEYS(&kbd, "\xe0\x47\xe0\x4f\xe0\x53\xe0\x52\xe0\x49\xe0\x51", false, &ev),
		     "\033[1~\033[4~\033[3~\033[2~\033[5~\033[6~");
	/* The fake shift E0 2A around gray keys changes nothing. */
	EXPECT_STREQ(KEYS(&kbd, "\xe0\x2a\xe0\x47\xe0\xaa\x10", false, &ev), "\033[1~q");
	/* The keypad: navigation without Num Lock, digits with it; keypad Enter and '/'. */
	EXPECT_STREQ(KEYS(&kbd, "\x48\x4f\x4a", false, &ev), "\033[A\033[4~-");
	EXPECT_STREQ(KEYS(&kbd, "\x45\xc5\x48\x4f\x53\xe0\x1c\xe0\x35", false, &ev), "81.\r/");
	/* Pause's E1 sequence produces nothing and leaves the next key alone. */
	EXPECT_STREQ(KEYS(&kbd, "\xe1\x1d\x45\xe1\x9d\xc5\x12", false, &ev), "e");
}

KTEST(keymap_function_keys)
{
	struct kbd_state kbd = { 0 };
	unsigned int ev;

	EXPECT_STREQ(KEYS(&kbd, "\x3b\x3f", false, &ev), "\033[[A\033[[E");
	EXPECT_STREQ(KEYS(&kbd, "\x40", false, &ev), "\033[17~");
	EXPECT_STREQ(KEYS(&kbd, "\x44", false, &ev), "\033[21~");
	EXPECT_STREQ(KEYS(&kbd, "\x57\x58", false, &ev), "\033[23~\033[24~");
}

KTEST(keymap_ctrl_alt_del)
{
	struct kbd_state kbd = { 0 };
	unsigned int ev;

	EXPECT_STREQ(KEYS(&kbd, "\xe0\x53", false, &ev), "\033[3~");
	EXPECT_EQ(ev, 0);
	EXPECT_STREQ(KEYS(&kbd, "\x1d\x38\xe0\x53", false, &ev), "");
	EXPECT_EQ(ev, KBD_CTRL_ALT_DEL);
	/* keypad '.' (Delete without Num Lock) is the salute as well, as on Linux */
	KEYS(&kbd, "\xe0\xd3", false, &ev);
	EXPECT_STREQ(KEYS(&kbd, "\x53", false, &ev), "");
	EXPECT_EQ(ev, KBD_CTRL_ALT_DEL);
	EXPECT_STREQ(KEYS(&kbd, "\x9d\xb8\x3a", false, &ev), "");
	EXPECT_EQ(ev, KBD_LEDS_CHANGED);
}

static const struct ktest_case cases[] = {
	KTEST_CASE(keymap_letters_shift_caps),
	KTEST_CASE(keymap_ctrl_and_alt),
	KTEST_CASE(keymap_cursor_and_editing_keys),
	KTEST_CASE(keymap_function_keys),
	KTEST_CASE(keymap_ctrl_alt_del),
};
KTEST_SUITE(keymap, cases);
