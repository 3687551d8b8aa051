// SPDX-License-Identifier: GPL-2.0
/*
 * Scan codes to the bytes a terminal reads, as Linux's console sends them with its default
 * US keymap: scan code set 1 (the i8042 translates the keyboard's set 2 into it), letters
 * and digits with Shift and Caps Lock, Ctrl+key as the control character, Alt+key as ESC
 * and the key, cursor keys as ESC [ A (ESC O A in DECCKM mode), the editing keys as
 * ESC [ N ~ and the function keys as Linux's console numbers them. Pure code: the interrupt
 * handler (keyboard.c) calls it, tests/host/test_keymap.c checks it.
 */
#include <kernel/string.h>
#include <kernel/vt.h>

#define SC_RELEASE 0x80
#define SC_E0 0xe0
#define SC_E1 0xe1

#define SC_LCTRL 0x1d
#define SC_LSHIFT 0x2a
#define SC_RSHIFT 0x36
#define SC_LALT 0x38
#define SC_CAPSLOCK 0x3a
#define SC_NUMLOCK 0x45
#define SC_DELETE 0x53 /* with the E0 prefix; without it, the keypad's '.' */

/* The US layout's plain and shifted characters of the main keys, 0 for none. */
static const char plain_map[0x3a] = {
	[0x01] = 0x1b, '1', '2', '3', '4', '5', '6', '7', '8', '9',  '0', '-', '=',  0x7f, '\t',
	'q',	       'w', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p',  '[', ']', '\r', 0,	   'a',
	's',	       'd', 'f', 'g', 'h', 'j', 'k', 'l', ';', '\'', '`', 0,   '\\', 'z',  'x',
	'c',	       'v', 'b', 'n', 'm', ',', '.', '/', 0,   '*',  0,	  ' ',
};

static const char shift_map[0x3a] = {
	[0x01] = 0x1b, '!', '@', '#', '$', '%', '^', '&', '*', '(', ')', '_', '+',  0x7f, '\t',
	'Q',	       'W', 'E', 'R', 'T', 'Y', 'U', 'I', 'O', 'P', '{', '}', '\r', 0,	  'A',
	'S',	       'D', 'F', 'G', 'H', 'J', 'K', 'L', ':', '"', '~', 0,   '|',  'Z',  'X',
	'C',	       'V', 'B', 'N', 'M', '<', '>', '?', 0,   '*', 0,	 ' ',
};

/* F1-F12 as Linux's console sends them (its own, not xterm's, for F1-F5). */
static const char *const fkey_seq[12] = {
	"\033[[A",  "\033[[B",	"\033[[C",  "\033[[D",	"\033[[E",  "\033[17~",
	"\033[18~", "\033[19~", "\033[20~", "\033[21~", "\033[23~", "\033[24~",
};

/* The editing keys, by the number of their ESC [ N ~ */
enum {
	KEY_HOME = 1,
	KEY_INSERT = 2,
	KEY_DELETE = 3,
	KEY_END = 4,
	KEY_PGUP = 5,
	KEY_PGDN = 6
};

struct out {
	char *buf;
	size_t len;
};

static void emit(struct out *o, const char *s, size_t n)
{
	for (size_t i = 0; i < n && o->len < KBD_MAX_OUT; i++)
		o->buf[o->len++] = s[i];
}

static void emit_str(struct out *o, const char *s)
{
	emit(o, s, strlen(s));
}

static void emit_cursor(struct out *o, char dir, bool app)
{
	char seq[3] = { '\033', app ? 'O' : '[', dir };

	emit(o, seq, 3);
}

static void emit_tilde(struct out *o, int n)
{
	char seq[4] = { '\033', '[', '0' + n, '~' };

	emit(o, seq, 4);
}

/* Navigation keys, from the gray block (E0) or the keypad without Num Lock. */
static bool navigation(struct out *o, u8 code, bool app)
{
	switch (code) {
	case 0x48:
		emit_cursor(o, 'A', app);
		return true;
	case 0x50:
		emit_cursor(o, 'B', app);
		return true;
	case 0x4d:
		emit_cursor(o, 'C', app);
		return true;
	case 0x4b:
		emit_cursor(o, 'D', app);
		return true;
	case 0x47:
		emit_tilde(o, KEY_HOME);
		return true;
	case 0x4f:
		emit_tilde(o, KEY_END);
		return true;
	case 0x49:
		emit_tilde(o, KEY_PGUP);
		return true;
	case 0x51:
		emit_tilde(o, KEY_PGDN);
		return true;
	case 0x52:
		emit_tilde(o, KEY_INSERT);
		return true;
	case 0x53:
		emit_tilde(o, KEY_DELETE);
		return true;
	}
	return false;
}

/* The control character Ctrl turns c into, or -1 if Ctrl leaves it alone. */
static int ctrl_of(char c)
{
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 1;
	if (c >= '@' && c <= '_') /* A-Z, @ [ \ ] ^ _ */
		return c - '@';
	switch (c) {
	case ' ':
	case '2':
		return 0;
	case '3':
		return 0x1b;
	case '4':
		return 0x1c;
	case '5':
		return 0x1d;
	case '6':
		return 0x1e;
	case '7':
	case '-':
	case '/':
		return 0x1f;
	case '8':
	case '?':
		return 0x7f;
	}
	return -1;
}

static const char keypad_digits[] = "789-456+1230.";

unsigned int kbd_translate(struct kbd_state *kbd, u8 scancode, bool app_cursor, char *buf,
			   size_t *out_len)
{
	struct out o = { .buf = buf, .len = 0 };
	bool release = scancode & SC_RELEASE, e0 = kbd->e0;
	bool shift = kbd->lshift || kbd->rshift, ctrl = kbd->lctrl || kbd->rctrl;
	bool alt = kbd->lalt || kbd->ralt;
	u8 code = scancode & ~SC_RELEASE;
	unsigned int events = 0;
	char c;

	*out_len = 0;
	if (kbd->e1_left) { /* Pause: E1 1D 45 E1 9D C5, no key of ours */
		kbd->e1_left--;
		return 0;
	}
	if (scancode == SC_E0) {
		kbd->e0 = true;
		return 0;
	}
	if (scancode == SC_E1) {
		kbd->e1_left = 5;
		return 0;
	}
	kbd->e0 = false;

	/* Modifiers, pressed and released. */
	switch (code) {
	case SC_LSHIFT:
	case SC_RSHIFT:
		if (e0)
			return 0; /* the fake shifts around the gray keys */
		if (code == SC_LSHIFT)
			kbd->lshift = !release;
		else
			kbd->rshift = !release;
		return 0;
	case SC_LCTRL:
		if (e0)
			kbd->rctrl = !release;
		else
			kbd->lctrl = !release;
		return 0;
	case SC_LALT:
		if (e0)
			kbd->ralt = !release;
		else
			kbd->lalt = !release;
		return 0;
	}
	if (release)
		return 0;

	if (code == SC_CAPSLOCK && !e0) {
		kbd->capslock = !kbd->capslock;
		return KBD_LEDS_CHANGED;
	}
	if (code == SC_NUMLOCK && !e0) {
		kbd->numlock = !kbd->numlock;
		return KBD_LEDS_CHANGED;
	}
	if (code == SC_DELETE && ctrl && alt && (e0 || !kbd->numlock))
		return KBD_CTRL_ALT_DEL;

	if (e0) {
		if (code == 0x1c) /* keypad Enter */
			emit(&o, "\r", 1);
		else if (code == 0x35) /* keypad '/' */
			emit(&o, "/", 1);
		else
			navigation(&o, code, app_cursor);
		*out_len = o.len;
		return events;
	}

	if (code >= 0x3b && code <= 0x44) {
		emit_str(&o, fkey_seq[code - 0x3b]);
	} else if (code == 0x57 || code == 0x58) {
		emit_str(&o, fkey_seq[code - 0x57 + 10]);
	} else if (code >= 0x47 && code <= 0x53 && code != 0x4a && code != 0x4e) {
		/* The keypad: digits with Num Lock (or Shift), else the navigation keys. */
		if (kbd->numlock != shift)
			emit(&o, &keypad_digits[code - 0x47], 1);
		else if (code != 0x4c) /* keypad 5 has no second meaning */
			navigation(&o, code, app_cursor);
	} else if (code == 0x4a || code == 0x4e) {
		emit(&o, &keypad_digits[code - 0x47], 1);
	} else if (code < sizeof(plain_map) && plain_map[code]) {
		bool letter = plain_map[code] >= 'a' && plain_map[code] <= 'z';

		c = (shift != (letter && kbd->capslock)) ? shift_map[code] : plain_map[code];
		if (ctrl) {
			int cc = ctrl_of(plain_map[code] == '/' && shift ? '?' : plain_map[code]);

			if (plain_map[code] == 0x7f || plain_map[code] == '\t' ||
			    plain_map[code] == '\r' || plain_map[code] == 0x1b)
				cc = plain_map[code];
			if (cc < 0)
				cc = c; /* Ctrl+',' and the like: the plain character */
			c = cc;
		}
		if (alt)
			emit(&o, "\033", 1);
		emit(&o, &c, 1);
	}
	*out_len = o.len;
	return events;
}
