# dd against GNU dd: the records lines exactly (status=noxfer), the data, the files left.
%setup printf 'Hello, World! abcdefghijklmnopqrstuvwxyz 0123456789\n' > f; seq 1 2000 > big; : > e
dd if=f status=none
@err dd if=f status=noxfer
@err dd if=f bs=10 status=noxfer
@err dd if=f bs=16 count=2 status=noxfer
@err dd if=f ibs=7 obs=5 status=noxfer
@err dd if=f ibs=5 obs=7 count=3 status=noxfer
@err dd if=f bs=8 skip=2 status=noxfer
@err dd if=f bs=1 skip=5 count=5 status=noxfer
@err dd if=f bs=5 conv=ucase status=noxfer
@err dd if=f bs=5 conv=lcase status=noxfer
@err dd if=f conv=ucase status=noxfer
@err dd if=f bs=10 conv=sync status=noxfer | od -c
@err dd if=f ibs=10 obs=20 conv=sync status=noxfer | od -c
@err dd if=f bs=4 conv=swab count=3 status=noxfer
@err dd if=big bs=1k status=noxfer | sha256sum
@err dd if=big bs=1K count=3 status=noxfer | wc -c
@err dd if=big ibs=1000 obs=3000 status=noxfer | wc -c
@err dd if=big bs=2x100 count=2 status=noxfer | wc -c
@err dd if=big bs=1b count=2 status=noxfer | wc -c
@err dd if=big bs=2w count=2 status=noxfer | wc -c
@err dd if=big bs=3c count=2 status=noxfer
@err dd if=big bs=1kB count=1 status=noxfer | wc -c
@err dd if=big count=1 status=noxfer | wc -c
@err dd if=big skip=1 count=1 status=noxfer | head -c 20
@err dd if=e status=noxfer
@err dd if=f count=0 status=noxfer
@err dd < f status=noxfer
@err cat f | dd bs=100 status=noxfer
@err dd if=f of=out status=noxfer; cat out
@tree @err dd if=f of=out bs=4 status=noxfer
@tree dd if=f of=out seek=1 bs=10 status=none
@tree printf '0123456789abcdefghij' > out; dd if=f of=out bs=5 count=1 conv=notrunc status=none
@tree printf '0123456789abcdefghij' > out; dd if=f of=out bs=5 count=1 seek=1 conv=notrunc status=none
@tree printf '0123456789abcdefghij' > out; dd if=f of=out bs=5 count=1 seek=1 status=none
@tree printf '0123456789abcdefghij' > out; dd if=f of=out bs=5 count=1 status=none
@tree dd if=big of=out bs=100 skip=3 seek=2 count=4 status=none
@tree printf 'x' > out; dd if=f of=out conv=excl status=none; echo $?
@tree dd if=f of=out conv=nocreat status=none; echo $?
dd if=nope status=none; echo $?
@err dd if=nope
@err dd bs=x
@err dd foo=bar
@err dd junk
@err dd conv=bogus
@err dd status=loud
@err dd conv=ucase,lcase
@status dd if=f bs=0
dd if=f status=none bs=5 count=2 conv=ucase,sync | od -c
dd if=f 2>/dev/null | wc -c
dd if=f of=/dev/null; echo $?
@err dd bs=1x
@err dd bs=x1
@err dd conv=excl,nocreat
@err dd bs=0
@err dd if=/dev/zero bs=1kx2 count=1 status=noxfer | wc -c
@status dd --help
