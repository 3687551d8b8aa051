# du against GNU du on the same file system. GNU lists a directory's entries in the order the
# file system returns them, ours in name order: listings with several entries are sorted.
%setup mkdir -p d/s/deep d/t e; head -c 5000 /dev/zero > d/a; head -c 100 /dev/zero > d/s/b; head -c 70000 /dev/zero > d/s/deep/big; : > d/t/empty; printf x > f; ln -s a d/link
du d | sort -k2
du -a d | sort -k2
du -s d
du -sh d
du -h d | sort -k2
du -ah d | sort -k2
du -k d | sort -k2
du -m d | sort -k2
du -b d | sort -k2
du -ab d | sort -k2
du --apparent-size d | sort -k2
du --apparent-size -h d | sort -k2
du -d 0 d
du -d 1 d | sort -k2
du --max-depth=1 -a d | sort -k2
du -c d/s d/t
du -sc d/s d/t
du -c d d/s | sort -k2
du -s d d/s
du -s d/s d
du f
du -a f
du -h f
du -b f
du d/a
du d/link
du -L d/link
du -sL d
du -b d/link
du e
du -s e d/t
du -ch d/a d/s/b
du d/./s | sort -k2
du d/ | sort -k2
du -sx d
du -s nope; echo $?
@err du -s nope
du -s f nope d/a; echo $?
@status du -sa d
@status du -d x d
@status du -q d
cd d && du | sort -k2
cd d && du -s
cd d && du -a s | sort -k2
ln d/a hl; du -s d hl
ln d/a hl; du -s hl d
ln d/a hl; du -c d/a hl
@status du --help
