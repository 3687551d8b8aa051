// SPDX-License-Identifier: GPL-2.0
/*
 * The PS/2 keyboard on the i8042 controller (ports 0x60 and 0x64, ISA IRQ 1): the controller
 * is told to interrupt and to translate to scan code set 1 (what the firmware normally leaves
 * set, but a boot loader need not), and each byte the interrupt reads goes through the keymap
 * (keyboard_map.c) into the console's input ring. Ctrl-Alt-Del calls ctrl_alt_del(), which
 * is safe here. The Caps Lock and Num Lock lights follow the state.
 */
#include <asm/io.h>
#include <kernel/errno.h>
#include <kernel/interrupt.h>
#include <kernel/printk.h>
#include <kernel/reboot.h>
#include <kernel/spinlock.h>
#include <kernel/vt.h>

#define I8042_DATA 0x60
#define I8042_STATUS 0x64 /* read */
#define I8042_COMMAND 0x64 /* write */

#define I8042_STR_OBF 0x01 /* output buffer full: a byte to read */
#define I8042_STR_IBF 0x02 /* input buffer full: do not write yet */
#define I8042_STR_AUXDATA 0x20 /* the byte is the mouse's */

#define I8042_CMD_CTL_RCTR 0x20 /* read the command byte */
#define I8042_CMD_CTL_WCTR 0x60 /* write the command byte */

#define I8042_CTR_KBDINT 0x01 /* interrupt on keyboard data */
#define I8042_CTR_KBDDIS 0x10 /* keyboard clock off */
#define I8042_CTR_XLATE 0x40 /* translate to set 1 */

#define KBD_CMD_SET_LEDS 0xed
#define KBD_LED_NUM 0x02
#define KBD_LED_CAPS 0x04

#define KBD_IRQ 1
/* A controller that never answers must not hang the boot; a real one takes microseconds. */
#define I8042_SPINS 100000

/* The keymap's state, touched only by the interrupt handler (one CPU at a time). */
static struct kbd_state kbd;
/* The LED command's two bytes go out from the handler; the keyboard acks each (0xfa). */
static int leds_pending = -1;

static int i8042_wait_write(void)
{
	for (int i = 0; i < I8042_SPINS; i++)
		if (!(inb(I8042_STATUS) & I8042_STR_IBF))
			return 0;
	return -ETIMEDOUT;
}

static int i8042_wait_read(void)
{
	for (int i = 0; i < I8042_SPINS; i++)
		if (inb(I8042_STATUS) & I8042_STR_OBF)
			return 0;
	return -ETIMEDOUT;
}

static void i8042_flush(void)
{
	for (int i = 0; i < 16 && (inb(I8042_STATUS) & I8042_STR_OBF); i++)
		(void)inb(I8042_DATA);
}

static void keyboard_byte(u8 byte)
{
	char out[KBD_MAX_OUT];
	unsigned int events;
	size_t n;

	if (byte == 0xfa && leds_pending >= 0) { /* the ack of KBD_CMD_SET_LEDS */
		if (!i8042_wait_write())
			outb(leds_pending, I8042_DATA);
		leds_pending = -1;
		return;
	}
	if (byte == 0xfa || byte == 0xfe || byte == 0x00 || byte == 0xff)
		return; /* acks, resends and overruns are not keys */
	events = kbd_translate(&kbd, byte, vt_app_cursor_keys(), out, &n);
	if (n)
		vt_input(out, n);
	if (events & KBD_CTRL_ALT_DEL)
		ctrl_alt_del();
	if ((events & KBD_LEDS_CHANGED) && !i8042_wait_write()) {
		leds_pending = (kbd.capslock ? KBD_LED_CAPS : 0) | (kbd.numlock ? KBD_LED_NUM : 0);
		outb(KBD_CMD_SET_LEDS, I8042_DATA);
	}
}

static irqreturn_t keyboard_interrupt(int vector, void *dev)
{
	u8 status;
	int spins = 16;

	while (spins-- && ((status = inb(I8042_STATUS)) & I8042_STR_OBF)) {
		u8 byte = inb(I8042_DATA);

		if (!(status & I8042_STR_AUXDATA))
			keyboard_byte(byte);
	}
	return IRQ_HANDLED;
}

int keyboard_init(void)
{
	int ctr, err;

	/* No controller reads as 0xff everywhere. */
	if (inb(I8042_STATUS) == 0xff)
		return -ENODEV;
	i8042_flush();
	if (i8042_wait_write())
		return -ETIMEDOUT;
	outb(I8042_CMD_CTL_RCTR, I8042_COMMAND);
	if (i8042_wait_read())
		return -ETIMEDOUT;
	ctr = inb(I8042_DATA);
	ctr = (ctr | I8042_CTR_KBDINT | I8042_CTR_XLATE) & ~I8042_CTR_KBDDIS;
	err = request_isa_irq(KBD_IRQ, keyboard_interrupt, "i8042", NULL);
	if (err)
		return err;
	if (i8042_wait_write())
		return -ETIMEDOUT;
	outb(I8042_CMD_CTL_WCTR, I8042_COMMAND);
	if (i8042_wait_write())
		return -ETIMEDOUT;
	outb(ctr, I8042_DATA);
	i8042_flush();
	return 0;
}
