/* PCI from user space: /proc/bus/pci/devices in Linux's format, each function's
 * configuration space in /proc/bus/pci/BB/DD.F (all of it for root, 64 bytes for others),
 * and, on Mica under QEMU's q35, the chipset's functions as lspci -n lists them. */
#include "tap.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

static int on_mica(void)
{
	struct utsname u;

	return uname(&u) == 0 && strstr(u.version, "Mica") != NULL;
}

struct fn {
	unsigned int bdf, id;
};

static struct fn fns[64];
static int nr_fns;

/* Linux's line: BBDF, VVVVDDDD, irq, 7 starts and 7 sizes each "\t%16llx", "\t" driver. */
static int line_ok(const char *line)
{
	const char *p = line;
	int i;

	if (strlen(line) < 4 + 1 + 8 + 1 + 1 + 14 * 17 + 1)
		return 0;
	for (i = 0; i < 4; i++)
		if (!strchr("0123456789abcdef", p[i]))
			return 0;
	if (p[4] != '\t' || p[13] != '\t')
		return 0;
	p = strchr(p + 14, '\t');
	for (i = 0; i < 14 && p; i++) {
		if (p[0] != '\t' || strspn(p + 1, " 0123456789abcdef") != 16)
			return 0;
		p += 17;
	}
	return p && *p == '\t' && strchr(p, '\n') && !strchr(p + 1, '\t');
}

static void test_devices(void)
{
	char line[1024];
	int bad = 0;
	FILE *f = fopen("/proc/bus/pci/devices", "r");

	ok(f != NULL, "/proc/bus/pci/devices opens");
	while (f && fgets(line, sizeof(line), f)) {
		if (!line_ok(line))
			bad++;
		if (nr_fns < 64 && sscanf(line, "%x %x", &fns[nr_fns].bdf, &fns[nr_fns].id) == 2)
			nr_fns++;
	}
	if (f)
		fclose(f);
	ok(nr_fns > 0 && !bad, "each line in Linux's format");
}

static int config_read(const struct fn *d, unsigned char *buf, size_t len)
{
	char path[64];
	int fd, n;

	snprintf(path, sizeof(path), "/proc/bus/pci/%02x/%02x.%x", d->bdf >> 8,
		 (d->bdf >> 3) & 0x1f, d->bdf & 7);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	n = read(fd, buf, len);
	close(fd);
	return n;
}

static void test_config(void)
{
	unsigned char cfg[4096];
	char path[64];
	struct stat st;
	int i, good = nr_fns > 0, sized = nr_fns > 0;

	for (i = 0; i < nr_fns; i++) {
		int n = config_read(&fns[i], cfg, sizeof(cfg));
		unsigned int id = cfg[1] << 24 | cfg[0] << 16 | cfg[3] << 8 | cfg[2];

		snprintf(path, sizeof(path), "/proc/bus/pci/%02x/%02x.%x", fns[i].bdf >> 8,
			 (fns[i].bdf >> 3) & 0x1f, fns[i].bdf & 7);
		if (getuid() == 0 && n != 256 && n != 4096)
			good = 0;
		if (n < 4 || id != fns[i].id)
			good = 0;
		if (stat(path, &st) || (st.st_size != 256 && st.st_size != 4096))
			sized = 0;
	}
	ok(good, "BB/DD.F: the configuration space, ids as in devices");
	ok(sized, "BB/DD.F: its size is the space's, 256 (or 4096)");
	if (getuid() != 0 || !nr_fns) {
		tap_skip("an ordinary user reads the first 64 bytes only", "not root");
		return;
	}
	pid_t pid = fork();
	int stat_ = -1;

	if (pid == 0) {
		if (setuid(34567))
			_exit(2);
		_exit(config_read(&fns[0], cfg, sizeof(cfg)) == 64 ? 0 : 1);
	}
	waitpid(pid, &stat_, 0);
	ok(WIFEXITED(stat_) && WEXITSTATUS(stat_) == 0,
	   "an ordinary user reads the first 64 bytes only");
}

/* q35's functions, as "lspci -n" lists them (revision left out: QEMU versions differ). */
static void test_q35_lspci(void)
{
	static const char *const want[] = {
		"00:00.0 0600: 8086:29c0", "00:1f.0 0601: 8086:2918", "00:1f.2 0106: 8086:2922",
		"00:1f.3 0c05: 8086:2930", " 0300: 1234:1111",
	};
	char out[8192];
	int fds[2], st = -1;
	size_t len = 0;
	ssize_t n;
	pid_t pid;

	if (!on_mica()) {
		tap_skip("lspci -n lists q35's host bridge, ISA bridge, SATA, SMBus and VGA",
			 "the host is no q35: Mica only");
		return;
	}
	if (pipe(fds))
		return;
	pid = fork();
	if (pid == 0) {
		dup2(fds[1], 1);
		close(fds[0]);
		execl("/bin/lspci", "lspci", "-n", (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	while (len < sizeof(out) - 1 && (n = read(fds[0], out + len, sizeof(out) - 1 - len)) > 0)
		len += n;
	out[len] = '\0';
	close(fds[0]);
	waitpid(pid, &st, 0);
	int found = WIFEXITED(st) && WEXITSTATUS(st) == 0;

	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		if (!strstr(out, want[i])) {
			printf("# missing: %s\n", want[i]);
			found = 0;
		}
	if (!ok(found, "lspci -n lists q35's host bridge, ISA bridge, SATA, SMBus and VGA"))
		printf("# %s", out);
}

int main(void)
{
	if (access("/proc/bus/pci/devices", R_OK)) {
		tap_plan(1);
		tap_skip("/proc/bus/pci", "no PCI here");
		return tap_done();
	}
	tap_plan(6);
	test_devices();
	test_config();
	test_q35_lspci();
	return tap_done();
}
