// SPDX-License-Identifier: GPL-2.0
/*
 * N_TTY, the line discipline, in the manner of Linux's drivers/tty/n_tty.c: input editing
 * (canonical lines with erase, kill, werase, lnext, eof and eol; raw reads ruled by VMIN and
 * VTIME), input mapping (ICRNL, INLCR, IGNCR, ISTRIP, IUTF8 erasing), echo (ECHO, ECHOE,
 * ECHOK, ECHOKE, ECHONL, ECHOCTL), the signal characters (ISIG, NOFLSH), flow control (IXON)
 * and output processing (OPOST, ONLCR, OCRNL, ONOCR, ONLRET, XTABS).
 *
 * Everything here runs in process context (the UART's interrupt hands its bytes to a
 * thread) under tty->lock, which is never held across a driver's write: echoes made while
 * input comes in wait in ldata->echo_buf, already processed for output, and go out through
 * n_tty_flush_echoes once the lock is dropped. A pty's echo thus reaches the other side
 * without the two sides' locks ever being nested.
 */
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/string.h>
#include <kernel/tty.h>
#include <kernel/wait.h>
#include <uapi/fcntl.h>
#include <uapi/poll.h>

#define RB(ld, i) ((ld)->read_buf[(i) & (N_TTY_BUF_SIZE - 1)])
#define L(tty, f) ((tty)->termios.c_lflag & (f))
#define I(tty, f) ((tty)->termios.c_iflag & (f))
#define O(tty, f) ((tty)->termios.c_oflag & (f))
#define CC(tty, v) ((tty)->termios.c_cc[v])
#define NSEC_PER_DECISECOND 100000000ULL

/* A c_cc slot holding 0 is disabled (_POSIX_VDISABLE). */
static bool is_char(struct tty_struct *tty, unsigned char c, int slot)
{
	return CC(tty, slot) && c == CC(tty, slot);
}

static bool is_cntrl(unsigned char c)
{
	return c < 32 || c == 127;
}

static bool is_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_continuation(struct tty_struct *tty, unsigned char c)
{
	return I(tty, IUTF8) && (c & 0xc0) == 0x80;
}

static size_t read_cnt(struct n_tty_data *ld)
{
	return ld->read_head - ld->read_tail;
}

/* ---- output ---------------------------------------------------------------------------- */

/*
 * One byte as OPOST makes it: into out (at most 8 bytes), keeping the output column.
 * tty->lock held.
 */
static size_t opost_char(struct tty_struct *tty, unsigned char c, unsigned char *out)
{
	struct n_tty_data *ld = &tty->ldata;
	unsigned int spaces;

	lockdep_assert_held(&tty->lock);
	if (!O(tty, OPOST)) {
		out[0] = c;
		return 1;
	}
	switch (c) {
	case '\n':
		if (O(tty, ONLRET))
			ld->column = 0;
		if (O(tty, ONLCR)) {
			ld->column = ld->canon_column = 0;
			out[0] = '\r';
			out[1] = '\n';
			return 2;
		}
		ld->canon_column = ld->column;
		break;
	case '\r':
		if (O(tty, ONOCR) && ld->column == 0)
			return 0;
		if (O(tty, OCRNL)) {
			c = '\n';
			if (O(tty, ONLRET))
				ld->canon_column = ld->column = 0;
			break;
		}
		ld->canon_column = ld->column = 0;
		break;
	case '\t':
		spaces = 8 - (ld->column & 7);
		ld->column += spaces;
		if ((tty->termios.c_oflag & TABDLY) == XTABS) {
			memset(out, ' ', spaces);
			return spaces;
		}
		break;
	case '\b':
		if (ld->column > 0)
			ld->column--;
		break;
	default:
		if (!is_cntrl(c)) {
			if (O(tty, OLCUC) && c >= 'a' && c <= 'z')
				c -= 'a' - 'A';
			if (!is_continuation(tty, c))
				ld->column++;
		}
		break;
	}
	out[0] = c;
	return 1;
}

/* ---- echo ------------------------------------------------------------------------------ */

static void echo_raw(struct tty_struct *tty, unsigned char c)
{
	struct n_tty_data *ld = &tty->ldata;
	unsigned char out[8];
	size_t n = opost_char(tty, c, out);

	if (ld->echo_len + n <= N_TTY_ECHO_SIZE) {
		memcpy(ld->echo_buf + ld->echo_len, out, n);
		ld->echo_len += n;
	}
}

/* A control character echoes as ^X with ECHOCTL (but a tab as itself). */
static void echo_char(struct tty_struct *tty, unsigned char c)
{
	if (L(tty, ECHOCTL) && is_cntrl(c) && c != '\t') {
		echo_raw(tty, '^');
		echo_raw(tty, c ^ 0100);
	} else {
		echo_raw(tty, c);
	}
}

static void echo_set_canon_col(struct tty_struct *tty)
{
	tty->ldata.canon_column = tty->ldata.column;
}

void n_tty_flush_echoes(struct tty_struct *tty)
{
	unsigned char buf[N_TTY_ECHO_SIZE];
	size_t n;

	spin_lock(&tty->lock);
	n = tty->ldata.echo_len;
	memcpy(buf, tty->ldata.echo_buf, n);
	tty->ldata.echo_len = 0;
	spin_unlock(&tty->lock);
	/* An echo that does not fit (the other side of a pty is full) is lost, as on Linux. */
	if (n && !test_bit(TTY_HUPPED, &tty->flags))
		tty->ops->write(tty, buf, n);
}

/* ---- input ----------------------------------------------------------------------------- */

static void put_tty_queue(struct tty_struct *tty, unsigned char c)
{
	struct n_tty_data *ld = &tty->ldata;

	__clear_bit(ld->read_head & (N_TTY_BUF_SIZE - 1), ld->read_flags);
	__clear_bit(ld->read_head & (N_TTY_BUF_SIZE - 1), ld->eof_flags);
	RB(ld, ld->read_head) = c;
	ld->read_head++;
	if (!ld->icanon)
		ld->canon_head = ld->read_head;
}

/* The line is complete: it becomes readable. */
static void handle_newline(struct tty_struct *tty, unsigned char c, bool eof)
{
	struct n_tty_data *ld = &tty->ldata;
	size_t at = ld->read_head & (N_TTY_BUF_SIZE - 1);

	put_tty_queue(tty, c);
	__set_bit(at, ld->read_flags);
	if (eof)
		__set_bit(at, ld->eof_flags);
	ld->canon_head = ld->read_head;
}

/* Columns the line being edited takes on the screen up to (not including) end. */
static unsigned int line_columns(struct tty_struct *tty, size_t end)
{
	struct n_tty_data *ld = &tty->ldata;
	unsigned int col = ld->canon_column;

	for (size_t i = ld->canon_head; i != end; i++) {
		unsigned char c = RB(ld, i);

		if (c == '\t')
			col = (col | 7) + 1;
		else if (is_cntrl(c))
			col += L(tty, ECHOCTL) ? 2 : 0;
		else if (!is_continuation(tty, c))
			col++;
	}
	return col;
}

enum {
	ERASE,
	WERASE,
	KILL
};

/* ERASE, WERASE or KILL on the line being edited, with the echo that undoes it on screen. */
static void eraser(struct tty_struct *tty, unsigned char c)
{
	struct n_tty_data *ld = &tty->ldata;
	int kill_type, seen_alnums = 0;

	if (ld->read_head == ld->canon_head)
		return;
	if (is_char(tty, c, VERASE)) {
		kill_type = ERASE;
	} else if (is_char(tty, c, VWERASE)) {
		kill_type = WERASE;
	} else {
		if (!L(tty, ECHO)) {
			ld->read_head = ld->canon_head;
			return;
		}
		if (!L(tty, ECHOK) || !L(tty, ECHOKE) || !L(tty, ECHOE)) {
			ld->read_head = ld->canon_head;
			echo_char(tty, CC(tty, VKILL));
			if (L(tty, ECHOK))
				echo_raw(tty, '\n');
			return;
		}
		kill_type = KILL;
	}
	while (ld->read_head != ld->canon_head) {
		size_t head = ld->read_head;

		do {
			c = RB(ld, --head);
		} while (is_continuation(tty, c) && head != ld->canon_head);
		if (is_continuation(tty, c))
			break;
		if (kill_type == WERASE) {
			if (is_alnum(c) || c == '_')
				seen_alnums++;
			else if (seen_alnums)
				break;
		}
		if (L(tty, ECHO)) {
			if (kill_type == ERASE && !L(tty, ECHOE)) {
				echo_char(tty, CC(tty, VERASE));
			} else if (c == '\t') {
				unsigned int after = line_columns(tty, ld->read_head);
				unsigned int before = line_columns(tty, head);

				while (after-- > before)
					echo_raw(tty, '\b');
			} else {
				int times = (is_cntrl(c) ? (L(tty, ECHOCTL) ? 2 : 0) : 1);

				while (times--) {
					echo_raw(tty, '\b');
					echo_raw(tty, ' ');
					echo_raw(tty, '\b');
				}
			}
		}
		ld->read_head = head;
		if (kill_type == ERASE)
			break;
	}
}

/* Empties the input (tty->lock held). */
void n_tty_flush_input(struct tty_struct *tty)
{
	struct n_tty_data *ld = &tty->ldata;

	lockdep_assert_held(&tty->lock);
	ld->read_head = ld->read_tail = ld->canon_head = 0;
	ld->lnext = false;
	bitmap_zero(ld->read_flags, N_TTY_BUF_SIZE);
	bitmap_zero(ld->eof_flags, N_TTY_BUF_SIZE);
}

/*
 * A signal character: unless NOFLSH, the input and the echoes not yet written are thrown
 * away first, as Linux's isig does; the signal goes out once the lock is dropped.
 */
static void receive_signal_char(struct tty_struct *tty, int sig, unsigned char c, int *sigp)
{
	if (!L(tty, NOFLSH)) {
		n_tty_flush_input(tty);
		tty->ldata.echo_len = 0;
	}
	*sigp = sig;
	if (I(tty, IXON))
		__clear_bit(TTY_STOPPED, &tty->flags);
	if (L(tty, ECHO))
		echo_char(tty, c);
}

/*
 * Room for one more byte: a line terminator may take the last slot; in canonical mode a
 * byte of an overlong line is dropped (consumed) rather than stop the flow for good.
 */
enum {
	TAKE,
	DROP,
	FULL
};
static int room_for(struct tty_struct *tty, bool terminator)
{
	struct n_tty_data *ld = &tty->ldata;
	size_t cnt = read_cnt(ld);

	if (cnt < N_TTY_BUF_SIZE - 1 || (terminator && cnt < N_TTY_BUF_SIZE))
		return TAKE;
	if (ld->icanon && ld->canon_head == ld->read_tail)
		return DROP;
	return FULL;
}

/* One input byte; returns false if the ring is full and the byte was not taken. */
static bool receive_char(struct tty_struct *tty, unsigned char c, int *sig, bool *stop_change)
{
	struct n_tty_data *ld = &tty->ldata;

	if (I(tty, ISTRIP))
		c &= 0x7f;
	if (I(tty, IUCLC) && L(tty, IEXTEN) && c >= 'A' && c <= 'Z')
		c += 'a' - 'A';
	if (ld->lnext) {
		int r = room_for(tty, false);

		if (r == FULL)
			return false;
		ld->lnext = false;
		if (L(tty, ECHO)) {
			if (ld->canon_head == ld->read_head)
				echo_set_canon_col(tty);
			echo_char(tty, c);
		}
		if (r == TAKE)
			put_tty_queue(tty, c);
		return true;
	}
	if (I(tty, IXON)) {
		if (is_char(tty, c, VSTART)) {
			__clear_bit(TTY_STOPPED, &tty->flags);
			*stop_change = true;
			return true;
		}
		if (is_char(tty, c, VSTOP)) {
			__set_bit(TTY_STOPPED, &tty->flags);
			return true;
		}
	}
	if (L(tty, ISIG)) {
		if (is_char(tty, c, VINTR)) {
			receive_signal_char(tty, SIGINT, c, sig);
			return true;
		}
		if (is_char(tty, c, VQUIT)) {
			receive_signal_char(tty, SIGQUIT, c, sig);
			return true;
		}
		if (is_char(tty, c, VSUSP)) {
			receive_signal_char(tty, SIGTSTP, c, sig);
			return true;
		}
	}
	if (test_bit(TTY_STOPPED, &tty->flags) && I(tty, IXON) && I(tty, IXANY)) {
		__clear_bit(TTY_STOPPED, &tty->flags);
		*stop_change = true;
	}
	if (c == '\r') {
		if (I(tty, IGNCR))
			return true;
		if (I(tty, ICRNL))
			c = '\n';
	} else if (c == '\n' && I(tty, INLCR)) {
		c = '\r';
	}
	if (ld->icanon) {
		if (is_char(tty, c, VERASE) || is_char(tty, c, VKILL) ||
		    (is_char(tty, c, VWERASE) && L(tty, IEXTEN))) {
			eraser(tty, c);
			return true;
		}
		if (is_char(tty, c, VLNEXT) && L(tty, IEXTEN)) {
			ld->lnext = true;
			if (L(tty, ECHO) && L(tty, ECHOCTL)) {
				echo_raw(tty, '^');
				echo_raw(tty, '\b');
			}
			return true;
		}
		if (c == '\n' || is_char(tty, c, VEOF) || is_char(tty, c, VEOL) ||
		    (is_char(tty, c, VEOL2) && L(tty, IEXTEN))) {
			bool eof = c != '\n' && is_char(tty, c, VEOF);

			if (room_for(tty, true) == FULL)
				return false;
			if (c == '\n') {
				if (L(tty, ECHO) || L(tty, ECHONL))
					echo_raw(tty, '\n');
			} else if (!eof && L(tty, ECHO)) {
				if (ld->canon_head == ld->read_head)
					echo_set_canon_col(tty);
				echo_char(tty, c);
			}
			handle_newline(tty, c, eof);
			return true;
		}
	}
	switch (room_for(tty, false)) {
	case FULL:
		return false;
	case DROP:
		return true;
	}
	if (L(tty, ECHO)) {
		if (c == '\n') {
			echo_raw(tty, '\n');
		} else {
			if (ld->canon_head == ld->read_head)
				echo_set_canon_col(tty);
			echo_char(tty, c);
		}
	}
	put_tty_queue(tty, c);
	return true;
}

/*
 * Takes bytes up to and including the first signal character, which is sent before the rest
 * is looked at: the rest belongs after the signal's flush (a ^C then "ls" leaves "ls").
 */
static size_t receive_upto_signal(struct tty_struct *tty, const unsigned char *buf, size_t count)
{
	bool readable, stop_change = false;
	int sig = 0, pgrp;
	size_t i;

	spin_lock(&tty->lock);
	for (i = 0; i < count; i++) {
		int s = 0;

		if (!receive_char(tty, buf[i], &s, &stop_change))
			break;
		if (s) {
			/* One signal per call: the rest of the input waits for the next. */
			sig = s;
			i++;
			break;
		}
	}
	readable = tty->ldata.canon_head != tty->ldata.read_tail;
	spin_unlock(&tty->lock);
	if (sig) {
		/*
		 * The character's echo ("^Z") goes out before the signal, as Linux's isig and
		 * commit_echoes order them: a job the signal stops lets its shell run at once, and
		 * the shell's notice and prompt came out before the echo otherwise.
		 */
		n_tty_flush_echoes(tty);
		pgrp = tty_get_pgrp(tty);
		if (pgrp > 0)
			kill_pgrp(pgrp, sig, 1);
	}
	if (readable || sig)
		wake_up(&tty->read_wait);
	if (stop_change || sig)
		wake_up(&tty->write_wait);
	return i;
}

size_t n_tty_receive_buf(struct tty_struct *tty, const unsigned char *buf, size_t count)
{
	size_t done = 0, n;

	while (done < count && (n = receive_upto_signal(tty, buf + done, count - done)))
		done += n;
	return done;
}

size_t n_tty_receive_room(struct tty_struct *tty)
{
	struct n_tty_data *ld = &tty->ldata;
	size_t room;

	spin_lock(&tty->lock);
	room = N_TTY_BUF_SIZE - read_cnt(ld);
	/* An overlong line has no reader to make room: its bytes are taken and dropped. */
	if (ld->icanon && ld->canon_head == ld->read_tail)
		room = N_TTY_BUF_SIZE;
	spin_unlock(&tty->lock);
	return room;
}

void n_tty_set_termios(struct tty_struct *tty, const struct termios *old)
{
	struct n_tty_data *ld = &tty->ldata;
	bool canon = L(tty, ICANON);

	lockdep_assert_held(&tty->lock);
	if (canon == ld->icanon)
		return;
	ld->icanon = canon;
	bitmap_zero(ld->read_flags, N_TTY_BUF_SIZE);
	bitmap_zero(ld->eof_flags, N_TTY_BUF_SIZE);
	ld->lnext = false;
	if (!canon || !read_cnt(ld)) {
		/* Raw: everything is readable. */
		ld->canon_head = canon ? ld->read_tail : ld->read_head;
	} else {
		/* Into canonical mode with input waiting: it is one line, as on Linux. */
		__set_bit((ld->read_head - 1) & (N_TTY_BUF_SIZE - 1), ld->read_flags);
		ld->canon_head = ld->read_head;
	}
}

void n_tty_open(struct tty_struct *tty)
{
	spin_lock(&tty->lock);
	memset(&tty->ldata, 0, sizeof(tty->ldata));
	tty->ldata.icanon = L(tty, ICANON);
	spin_unlock(&tty->lock);
}

size_t n_tty_inq(struct tty_struct *tty)
{
	struct n_tty_data *ld = &tty->ldata;
	size_t n = 0;

	lockdep_assert_held(&tty->lock);
	if (!L(tty, ICANON))
		return read_cnt(ld);
	for (size_t i = ld->read_tail; i != ld->canon_head; i++)
		if (!test_bit(i & (N_TTY_BUF_SIZE - 1), ld->eof_flags))
			n++;
	return n;
}

/* ---- read ------------------------------------------------------------------------------ */

static bool input_available(struct tty_struct *tty, bool poll)
{
	struct n_tty_data *ld = &tty->ldata;
	size_t amt = 1;

	if (ld->icanon)
		return ld->canon_head != ld->read_tail;
	if (poll && !CC(tty, VTIME) && CC(tty, VMIN))
		amt = CC(tty, VMIN);
	return read_cnt(ld) >= amt;
}

/* Copies out up to nr bytes of the first line; the line's ^D is consumed, never copied. */
static size_t canon_copy(struct tty_struct *tty, unsigned char *kb, size_t nr)
{
	struct n_tty_data *ld = &tty->ldata;
	size_t n = 0;

	while (n < nr && ld->read_tail != ld->canon_head) {
		size_t at = ld->read_tail & (N_TTY_BUF_SIZE - 1);
		bool eol = test_bit(at, ld->read_flags);

		if (eol && test_bit(at, ld->eof_flags)) {
			ld->read_tail++;
			return n;
		}
		kb[n++] = ld->read_buf[at];
		ld->read_tail++;
		if (eol)
			return n;
	}
	/* A read that stopped just short of the line's ^D takes it too. */
	if (ld->read_tail != ld->canon_head) {
		size_t at = ld->read_tail & (N_TTY_BUF_SIZE - 1);

		if (test_bit(at, ld->read_flags) && test_bit(at, ld->eof_flags))
			ld->read_tail++;
	}
	return n;
}

static size_t raw_copy(struct tty_struct *tty, unsigned char *kb, size_t nr)
{
	struct n_tty_data *ld = &tty->ldata;
	size_t n = min(nr, read_cnt(ld));

	for (size_t i = 0; i < n; i++)
		kb[i] = RB(ld, ld->read_tail + i);
	ld->read_tail += n;
	return n;
}

#define NO_TIMEOUT (~0ULL)

/*
 * POSIX's read: a line in canonical mode; otherwise VMIN and VTIME decide, as Linux's
 * n_tty_read: MIN>0 TIME=0 waits for MIN bytes; MIN>0 TIME>0 waits for the first byte, then
 * at most TIME tenths between bytes; MIN=0 TIME>0 waits at most TIME for any byte; both 0
 * returns what there is.
 */
ssize_t n_tty_read(struct tty_struct *tty, struct file *file, unsigned char *kbuf, size_t nr)
{
	u64 timeout = NO_TIMEOUT, time = 0, end = 0;
	size_t minimum = 0, copied = 0;
	bool canon;
	ssize_t ret = 0;

	if (tty->driver->subtype != PTY_TYPE_MASTER) {
		ret = tty_check_change_sig(tty, SIGTTIN);
		if (ret)
			return ret;
	}
	spin_lock(&tty->lock);
	canon = tty->ldata.icanon;
	if (!canon) {
		minimum = CC(tty, VMIN);
		if (minimum) {
			time = CC(tty, VTIME) * NSEC_PER_DECISECOND;
		} else {
			timeout = CC(tty, VTIME) * NSEC_PER_DECISECOND;
			minimum = 1;
		}
	}
	if (timeout != NO_TIMEOUT)
		end = wait_clock_ns() + timeout;
	while (nr) {
		if (!input_available(tty, false)) {
			DEFINE_WAIT(w);

			if (test_bit(TTY_OTHER_CLOSED, &tty->flags)) {
				ret = -EIO;
				break;
			}
			if (test_bit(TTY_HUPPED, &tty->flags))
				break;
			if (!timeout)
				break;
			if (file->f_flags & O_NONBLOCK) {
				ret = -EAGAIN;
				break;
			}
			if (signal_pending(current)) {
				ret = -ERESTARTSYS;
				break;
			}
			prepare_to_wait(&tty->read_wait, &w, TASK_INTERRUPTIBLE);
			spin_unlock(&tty->lock);
			if (timeout == NO_TIMEOUT)
				schedule();
			else
				timeout = wait_sleep_until(end);
			finish_wait(&tty->read_wait, &w);
			spin_lock(&tty->lock);
			continue;
		}
		if (canon) {
			copied += canon_copy(tty, kbuf + copied, nr);
			break;
		}
		{
			size_t n = raw_copy(tty, kbuf + copied, nr);

			copied += n;
			nr -= n;
		}
		if (copied >= minimum)
			break;
		if (time) {
			timeout = time;
			end = wait_clock_ns() + time;
		}
	}
	spin_unlock(&tty->lock);
	if (copied && tty->link)
		wake_up(&tty->link->write_wait); /* room for the other side's writes */
	return copied ? (ssize_t)copied : ret;
}

/* ---- write ----------------------------------------------------------------------------- */

/*
 * Processes and writes the bytes, waiting for room as the driver needs; with TOSTOP a
 * background writer gets SIGTTOU first. A write cut short by a signal returns what went.
 */
ssize_t n_tty_write(struct tty_struct *tty, struct file *file, const unsigned char *kbuf, size_t nr)
{
	size_t done = 0;
	ssize_t ret = 0;

	if (L(tty, TOSTOP) && tty->driver->subtype != PTY_TYPE_MASTER) {
		ret = tty_check_change(tty);
		if (ret)
			return ret;
	}
	n_tty_flush_echoes(tty);
	while (done < nr) {
		unsigned char out[64 + 8];
		size_t n = 0, room, used = 0;
		DEFINE_WAIT(w);

		if (test_bit(TTY_HUPPED, &tty->flags)) {
			ret = -EIO;
			break;
		}
		room = test_bit(TTY_STOPPED, &tty->flags) ? 0 : tty->ops->write_room(tty);
		if (room) {
			spin_lock(&tty->lock);
			while (done + used < nr && n < 64 && n + 8 <= room) {
				n += opost_char(tty, kbuf[done + used], out + n);
				used++;
			}
			spin_unlock(&tty->lock);
			if (used) {
				tty->ops->write(tty, out, n);
				done += used;
				if (tty->link)
					n_tty_flush_echoes(tty->link);
				continue;
			}
		}
		if (file->f_flags & O_NONBLOCK) {
			ret = -EAGAIN;
			break;
		}
		if (signal_pending(current)) {
			ret = -ERESTARTSYS;
			break;
		}
		prepare_to_wait(&tty->write_wait, &w, TASK_INTERRUPTIBLE);
		if (!test_bit(TTY_HUPPED, &tty->flags) && !signal_pending(current) &&
		    (test_bit(TTY_STOPPED, &tty->flags) || tty->ops->write_room(tty) < 8))
			schedule();
		finish_wait(&tty->write_wait, &w);
	}
	return done ? (ssize_t)done : ret;
}

unsigned int n_tty_poll(struct tty_struct *tty, struct file *file)
{
	unsigned int mask = 0;

	spin_lock(&tty->lock);
	if (input_available(tty, true))
		mask |= POLLIN | POLLRDNORM;
	spin_unlock(&tty->lock);
	if (test_bit(TTY_OTHER_CLOSED, &tty->flags))
		mask |= POLLHUP;
	if (!test_bit(TTY_STOPPED, &tty->flags) && tty->ops->write_room(tty) >= 8)
		mask |= POLLOUT | POLLWRNORM;
	return mask;
}
