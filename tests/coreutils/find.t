%setup mkdir -p d/e/f g; touch a b.txt d/c.txt d/e/x.TXT g/.hidden; echo data > d/e/full; ln -s a la; ln -s d ld; mkfifo p; chmod 755 a; chmod 600 b.txt
%setup touch -d '2000-01-01' b.txt; touch -d '2030-01-01' d/c.txt; printf '%3000s' x > big
find | sort
find . | sort
find d | sort
find d g | sort
find . -name '*.txt' | sort
find . -iname '*.txt' | sort
find . -type d | sort
find . -type f | sort
find . -type l | sort
find . -type p
find . -maxdepth 1 | sort
find . -maxdepth 0
find . -mindepth 2 | sort
find . -mindepth 1 -maxdepth 1 -type d | sort
find d -depth | sort
find . -name a -o -name b.txt | sort
find . ! -type d | sort
find . -not -name '*.txt' -type f | sort
find . \( -name a -o -name big \) -print | sort
find . -type f -name '*.txt' -print | sort
find . -newer b.txt -type f | sort
find . -size +2 | sort
find . -size -1 -type f | sort
find . -size 3000c
find . -size +1k -size -4k
find . -mtime +1000 | sort
find . -mtime -1 -type f | sort
find . -perm 755 -type f
find . -perm -u+x -type f | sort
find . -perm /o+r -type f | sort
find . -empty | sort
find . -path './d/*' | sort
find . -name e -prune -o -print | sort
find . -name '*.txt' -exec echo found {} \; | sort
find . -name '*.txt' -exec echo {} + | tr ' ' '\n' | sort
find . -name '*.txt' -print0 | tr '\0' '\n' | sort
find . -type f -exec test -s {} \; -print | sort
find . -user root -name a
find . -links 2 -type d | sort
@tree find d -name '*.txt' -delete
@tree find . -type f -name '*.TXT' -delete
@tree find d -delete
@status find nope
find nope a 2>/dev/null; echo $?
@status find . -badpredicate
@status find . -type z
@status find . -name
find . -name '[ab]*' | sort
find -name a
find a la -type l
find ld
find ld/ | sort
find . -exec false \; -print ; echo $?
# its own directory descriptor, listed in /proc/self/fd, is still open when looked at
@err find /proc/self/fd/ -name nothing
