// SPDX-License-Identifier: GPL-2.0
/*
 * The virtual console: /dev/tty1 (and /dev/tty0, the current console, which is always it),
 * and printk's "tty" console, on the screen. Bytes go through the terminal emulator
 * (vt_parser.c) into cells; the renderer (the framebuffer, or VGA text mode) is then brought
 * up to date by drawing the cells that differ from what it shows, after moving its pixels
 * for the scrolls that happened meanwhile (coalesced, so that a burst of lines costs one
 * move). Input comes from the keyboard (keyboard.c) and from the terminal's own answers
 * (DSR), through a ring that a thread hands to the line discipline, as the UART does.
 */
#include <kernel/console.h>
#include <kernel/devfs.h>
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/kthread.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/spinlock.h>
#include <kernel/string.h>
#include <kernel/tty.h>
#include <kernel/vt.h>
#include <kernel/wait.h>

#define SHOWN_UNKNOWN 0xff

/* ---- a terminal on a renderer ----------------------------------------------------------- */

static void forget_rows(struct vt_display *d, unsigned int from, unsigned int to)
{
	for (unsigned int i = from * d->r->cols; i < to * d->r->cols; i++)
		d->shown[i].attr = SHOWN_UNKNOWN;
}

static void apply_scroll(struct vt_display *d)
{
	unsigned int top = d->scroll_top, bottom = d->scroll_bottom, cols = d->r->cols;
	unsigned int height = bottom - top + 1, k = d->scroll_n < 0 ? -d->scroll_n : d->scroll_n;

	if (!d->scroll_n)
		return;
	d->scroll_n = d->scroll_n > 0 ? (int)k : -(int)k;
	if (k >= height) {
		forget_rows(d, top, bottom + 1);
	} else if (d->scroll_n > 0) {
		d->r->move_rows(d->r, top, bottom, k);
		memmove(&d->shown[top * cols], &d->shown[(top + k) * cols],
			(height - k) * cols * sizeof(*d->shown));
		forget_rows(d, bottom + 1 - k, bottom + 1);
	} else {
		d->r->move_rows(d->r, top, bottom, -(int)k);
		memmove(&d->shown[(top + k) * cols], &d->shown[top * cols],
			(height - k) * cols * sizeof(*d->shown));
		forget_rows(d, top, top + k);
	}
	d->scroll_n = 0;
}

static bool can_draw(struct vt_display *d)
{
	return !d->r->can_draw || d->r->can_draw(d->r);
}

/* The software cursor's cell drawn as it is, before anything moves under it. */
static void erase_cursor(struct vt_display *d)
{
	unsigned int i = d->cursor_y * d->r->cols + d->cursor_x;

	if (!d->cursor_drawn)
		return;
	d->cursor_drawn = false;
	if (d->shown[i].attr != SHOWN_UNKNOWN)
		d->r->draw_cell(d->r, d->cursor_x, d->cursor_y, d->shown[i], false);
}

static void on_scroll(struct vt_screen *vt, unsigned int top, unsigned int bottom, int n)
{
	struct vt_display *d = vt->priv;

	if (!d->r->move_rows) {
		forget_rows(d, top, bottom + 1);
		return;
	}
	if (d->scroll_n &&
	    (d->scroll_top != top || d->scroll_bottom != bottom || (d->scroll_n > 0) != (n > 0))) {
		if (can_draw(d)) {
			erase_cursor(d);
			apply_scroll(d);
		} else {
			forget_rows(d, 0, d->r->rows);
			d->scroll_n = 0;
		}
	}
	d->scroll_top = top;
	d->scroll_bottom = bottom;
	d->scroll_n += n;
	/* Past the region's height, it is all new: no need to count further. */
	if (d->scroll_n > (int)d->r->rows)
		d->scroll_n = d->r->rows;
	else if (d->scroll_n < -(int)d->r->rows)
		d->scroll_n = -(int)d->r->rows;
}

static void on_reply(struct vt_screen *vt, const char *s, size_t len)
{
	struct vt_display *d = vt->priv;

	if (d->reply)
		d->reply(d, s, len);
}

static const struct vt_screen_ops vt_display_ops = {
	.reply = on_reply,
	.scroll = on_scroll,
};

static void vt_display_flush(struct vt_display *d)
{
	struct vt_screen *vt = &d->screen;
	struct vt_renderer *r = d->r;
	unsigned int i = 0;

	if (!can_draw(d))
		return;
	erase_cursor(d);
	apply_scroll(d);
	for (unsigned int y = 0; y < r->rows; y++) {
		for (unsigned int x = 0; x < r->cols; x++, i++) {
			if (vt_cell_eq(vt->cells[i], d->shown[i]))
				continue;
			r->draw_cell(r, x, y, vt->cells[i], false);
			d->shown[i] = vt->cells[i];
		}
	}
	if (r->set_cursor) {
		r->set_cursor(r, vt->x, vt->y, vt->cursor_visible);
	} else if (vt->cursor_visible) {
		i = vt->y * r->cols + vt->x;
		r->draw_cell(r, vt->x, vt->y, vt->cells[i], true);
		d->cursor_drawn = true;
		d->cursor_x = vt->x;
		d->cursor_y = vt->y;
	}
}

void vt_display_init(struct vt_display *d, struct vt_renderer *r, struct vt_cell *cells,
		     struct vt_cell *alt, struct vt_cell *shown)
{
	memset(d, 0, sizeof(*d));
	d->r = r;
	d->shown = shown;
	vt_screen_init(&d->screen, r->cols, r->rows, cells, alt, &vt_display_ops, d);
	forget_rows(d, 0, r->rows);
}

void vt_display_write(struct vt_display *d, const unsigned char *buf, size_t len)
{
	vt_screen_write(&d->screen, buf, len);
	vt_display_flush(d);
}

void vt_display_redraw(struct vt_display *d)
{
	d->scroll_n = 0;
	d->cursor_drawn = false;
	forget_rows(d, 0, d->r->rows);
	vt_display_flush(d);
}

/* ---- the console ------------------------------------------------------------------------ */

/*
 * vt_lock guards the console's display (vt_con and the cells below) and its renderer. Taken
 * with interrupts off: printk writes from any context.
 */
static DEFINE_SPINLOCK(vt_lock);
static struct vt_display vt_con;
static bool vt_ready; /* vt_con is set up; never cleared */
static struct vt_cell vt_cells[VT_MAX_COLS * VT_MAX_ROWS];
static struct vt_cell vt_alt_cells[VT_MAX_COLS * VT_MAX_ROWS];
static struct vt_cell vt_shown[VT_MAX_COLS * VT_MAX_ROWS];

static struct tty_struct vt_tty;

/* Bytes the line discipline has not taken yet: the keyboard's and the terminal's answers. */
#define VT_INPUT_SIZE 256
static struct {
	spinlock_t lock;
	struct wait_queue_head wait;
	char buf[VT_INPUT_SIZE];
	size_t head, len; /* ring: [head, head+len) mod VT_INPUT_SIZE, under lock */
	unsigned long dropped;
} vt_in = {
	.lock = __SPIN_LOCK_UNLOCKED(vt_in.lock),
	.wait = __WAIT_QUEUE_HEAD_INITIALIZER(vt_in.wait),
};

void vt_input(const char *buf, size_t len)
{
	unsigned long flags;
	size_t i;

	spin_lock_irqsave(&vt_in.lock, flags);
	for (i = 0; i < len && vt_in.len < VT_INPUT_SIZE; i++) {
		vt_in.buf[(vt_in.head + vt_in.len) % VT_INPUT_SIZE] = buf[i];
		vt_in.len++;
	}
	vt_in.dropped += len - i;
	spin_unlock_irqrestore(&vt_in.lock, flags);
	if (i)
		wake_up(&vt_in.wait);
}

bool vt_app_cursor_keys(void)
{
	return vt_ready && READ_ONCE(vt_con.screen.app_cursor_keys);
}

static void vt_reply(struct vt_display *d, const char *s, size_t len)
{
	vt_input(s, len);
}

/* Output: at most this much under vt_lock at once, so interrupts are not held off long. */
#define VT_WRITE_CHUNK 256

static void vt_write(const unsigned char *buf, size_t len)
{
	while (len) {
		size_t n = min(len, (size_t)VT_WRITE_CHUNK);
		unsigned long flags;

		spin_lock_irqsave(&vt_lock, flags);
		vt_display_write(&vt_con, buf, n);
		spin_unlock_irqrestore(&vt_lock, flags);
		buf += n;
		len -= n;
	}
}

void vt_redraw(void)
{
	unsigned long flags;

	if (!vt_ready)
		return;
	spin_lock_irqsave(&vt_lock, flags);
	vt_display_redraw(&vt_con);
	spin_unlock_irqrestore(&vt_lock, flags);
}

/* printk's lines: a console sends CR LF for each newline, as OPOST|ONLCR would. */
static void vt_console_write(struct console *con, const char *s, size_t len)
{
	unsigned long flags;

	spin_lock_irqsave(&vt_lock, flags);
	while (len) {
		const char *nl = memchr(s, '\n', len);
		size_t n = nl ? (size_t)(nl - s) : len;

		vt_screen_write(&vt_con.screen, (const unsigned char *)s, n);
		if (nl) {
			vt_screen_write(&vt_con.screen, (const unsigned char *)"\r\n", 2);
			n++;
		}
		s += n;
		len -= n;
	}
	vt_display_flush(&vt_con);
	spin_unlock_irqrestore(&vt_lock, flags);
}

static struct tty_struct *vt_console_device(struct console *con)
{
	return vt_tty.driver ? &vt_tty : NULL;
}

/* Index -1: console=tty0 (the current console) and console=tty1 both name it, as on Linux. */
static struct console vt_console = {
	.name = "tty",
	.index = -1,
	.write = vt_console_write,
	.device = vt_console_device,
	.flags = CON_ENABLED,
};

void vt_console_init(struct vt_renderer *r)
{
	if (r->cols > VT_MAX_COLS)
		r->cols = VT_MAX_COLS;
	if (r->rows > VT_MAX_ROWS)
		r->rows = VT_MAX_ROWS;
	vt_display_init(&vt_con, r, vt_cells, vt_alt_cells, vt_shown);
	vt_con.reply = vt_reply;
	vt_display_redraw(&vt_con);
	vt_ready = true;
	register_console(&vt_console);
}

void video_console_init(void)
{
	struct vt_renderer *r;

	if (fbcon_probe(&r) && vgacon_probe(&r))
		return;
	vt_console_init(r);
}

/* ---- /dev/tty1 -------------------------------------------------------------------------- */

static ssize_t vt_tty_write(struct tty_struct *tty, const unsigned char *buf, size_t count)
{
	vt_write(buf, count);
	return count;
}

static size_t vt_tty_write_room(struct tty_struct *tty)
{
	return 4096; /* drawn at once, never queued */
}

static struct tty_struct *vt_tty_lookup(struct tty_driver *driver, struct file *file, int index)
{
	if (index > 1)
		return ERR_PTR(-ENXIO); /* one console: tty1, which tty0 stands for */
	tty_kref_get(&vt_tty);
	return &vt_tty;
}

static const struct tty_operations vt_tty_ops = {
	.lookup = vt_tty_lookup,
	.write = vt_tty_write,
	.write_room = vt_tty_write_room,
};

/* Linux's console: a cooked line, UTF-8 input. */
static struct tty_driver vt_driver = {
	.name = "tty",
	.major = 4,
	.minor_start = 0,
	.num = 2,
	.type = TTY_DRIVER_TYPE_CONSOLE,
	.init_termios = { .c_iflag = ICRNL | IXON | IUTF8,
			  .c_oflag = OPOST | ONLCR,
			  .c_cflag = B38400 | CS8 | CREAD | HUPCL,
			  .c_lflag =
				  ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN,
			  .c_cc = { 3, 28, 127, 21, 4, 0, 1, 0, 17, 19, 26, 0, 18, 15, 23, 22 } },
	.ops = &vt_tty_ops,
};

/*
 * Hands the input ring to the line discipline in process context, where it may echo and
 * signal. What it cannot take is dropped and counted. Interruptible only to stay out of the
 * load average: kernel threads take no signals.
 */
static int vt_input_thread(void *unused)
{
	for (;;) {
		unsigned char chunk[64];
		size_t n, taken;

		(void)wait_event_interruptible(vt_in.wait, READ_ONCE(vt_in.len));
		spin_lock_irq(&vt_in.lock);
		n = min(vt_in.len, sizeof(chunk));
		for (size_t i = 0; i < n; i++)
			chunk[i] = vt_in.buf[(vt_in.head + i) % VT_INPUT_SIZE];
		vt_in.head = (vt_in.head + n) % VT_INPUT_SIZE;
		vt_in.len -= n;
		spin_unlock_irq(&vt_in.lock);
		taken = n_tty_receive_buf(&vt_tty, chunk, n);
		if (taken < n) {
			spin_lock_irq(&vt_in.lock);
			vt_in.dropped += n - taken;
			spin_unlock_irq(&vt_in.lock);
		}
		n_tty_flush_echoes(&vt_tty);
	}
	return 0;
}

struct tty_struct *vt_tty_struct(void)
{
	return vt_tty.driver ? &vt_tty : NULL;
}

void vt_tty_init(void)
{
	if (!vt_ready)
		return; /* no screen at all: no tty1 */
	tty_init_struct(&vt_tty, &vt_driver, 1);
	spin_lock(&vt_tty.lock);
	vt_tty.winsize.ws_col = vt_con.r->cols;
	vt_tty.winsize.ws_row = vt_con.r->rows;
	spin_unlock(&vt_tty.lock);
	if (tty_register_driver(&vt_driver)) {
		pr_err("tty: cannot register tty1\n");
		return;
	}
	devfs_register("tty0", S_IFCHR | 0620, MKDEV(4, 0));
	devfs_register("tty1", S_IFCHR | 0620, MKDEV(4, 1));
	if (!kthread_run(vt_input_thread, NULL, "tty1-input")) {
		pr_err("tty: no input thread for tty1\n");
		return;
	}
	if (keyboard_init())
		pr_warn("tty: no PS/2 keyboard: tty1 has no input\n");
	pr_info("tty1: %ux%u %s console\n", vt_con.r->cols, vt_con.r->rows, vt_con.r->name);
}
