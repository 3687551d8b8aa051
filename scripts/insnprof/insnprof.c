// SPDX-License-Identifier: GPL-2.0
/*
 * A QEMU TCG plugin that counts the guest instructions executed at each translation block's
 * address, so that scripts/vmprof can say which kernel functions a path spends its
 * instructions in. Counting is exact (an inline add per executed block, no sampling), and
 * under -icount shift=0 the totals are the same instructions the guest TSC counts.
 *
 * Only the handful of plugin calls used here are declared: QEMU (7.2 and later) exports
 * them to the plugins it loads, and Debian ships no plugin header. The ABI is plugin
 * version 1.
 *
 * usage: qemu-system-x86_64 ... -plugin insnprof.so,out=FILE
 * FILE gets one line per block address: "vaddr instructions-per-block executions".
 */
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef uint64_t qemu_plugin_id_t;
struct qemu_plugin_tb;
typedef struct qemu_info_t qemu_info_t;
enum qemu_plugin_op {
	QEMU_PLUGIN_INLINE_ADD_U64
};
typedef void (*qemu_plugin_vcpu_tb_trans_cb_t)(qemu_plugin_id_t id, struct qemu_plugin_tb *tb);
typedef void (*qemu_plugin_udata_cb_t)(qemu_plugin_id_t id, void *userdata);

void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id, qemu_plugin_vcpu_tb_trans_cb_t cb);
void qemu_plugin_register_vcpu_tb_exec_inline(struct qemu_plugin_tb *tb, enum qemu_plugin_op op,
					      void *ptr, uint64_t imm);
void qemu_plugin_register_atexit_cb(qemu_plugin_id_t id, qemu_plugin_udata_cb_t cb, void *udata);
size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *tb);
uint64_t qemu_plugin_tb_vaddr(const struct qemu_plugin_tb *tb);

__attribute__((visibility("default"))) int qemu_plugin_version = 1;

/* One per translation; a block translated twice (after a flush) gets two, summed at exit. */
struct block {
	uint64_t vaddr;
	uint64_t insns;
	uint64_t execs; /* added to by the generated code */
};

#define CHUNK 65536

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct block **chunks;
static size_t nr_chunks, used_in_last = CHUNK;
static char *out_path;

/* Blocks never move once handed out: the generated code holds their addresses. */
static struct block *new_block(void)
{
	if (used_in_last == CHUNK) {
		struct block **c = realloc(chunks, (nr_chunks + 1) * sizeof(*chunks));

		if (!c)
			abort();
		chunks = c;
		chunks[nr_chunks] = calloc(CHUNK, sizeof(struct block));
		if (!chunks[nr_chunks])
			abort();
		nr_chunks++;
		used_in_last = 0;
	}
	return &chunks[nr_chunks - 1][used_in_last++];
}

static void tb_trans(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
	struct block *b;

	pthread_mutex_lock(&lock);
	b = new_block();
	pthread_mutex_unlock(&lock);
	b->vaddr = qemu_plugin_tb_vaddr(tb);
	b->insns = qemu_plugin_tb_n_insns(tb);
	qemu_plugin_register_vcpu_tb_exec_inline(tb, QEMU_PLUGIN_INLINE_ADD_U64, &b->execs, 1);
}

static void at_exit(qemu_plugin_id_t id, void *udata)
{
	FILE *f = fopen(out_path, "w");

	if (!f) {
		perror(out_path);
		return;
	}
	for (size_t c = 0; c < nr_chunks; c++) {
		size_t n = c == nr_chunks - 1 ? used_in_last : CHUNK;

		for (size_t i = 0; i < n; i++) {
			struct block *b = &chunks[c][i];

			if (b->execs)
				fprintf(f, "%" PRIx64 " %" PRIu64 " %" PRIu64 "\n", b->vaddr,
					b->insns, b->execs);
		}
	}
	fclose(f);
}

__attribute__((visibility("default"))) int
qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc, char **argv)
{
	for (int i = 0; i < argc; i++)
		if (!strncmp(argv[i], "out=", 4))
			out_path = strdup(argv[i] + 4);
	if (!out_path) {
		fprintf(stderr, "insnprof: give out=FILE\n");
		return -1;
	}
	qemu_plugin_register_vcpu_tb_trans_cb(id, tb_trans);
	qemu_plugin_register_atexit_cb(id, at_exit, NULL);
	return 0;
}
