#### star matches files sorted
touch b a c; echo *
#### question mark
touch ab ac abc; echo a?
#### bracket expression
touch a1 a2 b1 c3; echo [ab]1 [!a]? [a-b][0-9]
#### bracket class
touch A b 1; echo [[:upper:]] [[:digit:]] [[:lower:]]
#### no match stays
echo *.nothing [x
#### dot files need explicit dot
touch .h v; echo * .*h
#### quoted star does not glob
touch a; echo "*" '*' \*
#### set -f disables
touch a; set -f; echo *; set +f; echo *
#### glob in directories
mkdir -p d1/x d2/x; touch d1/x/f d2/x/g; echo d*/x/*
#### glob result from variable
touch q1 q2; p='q*'; echo $p "$p"
#### case with bracket and star patterns
for w in abc 123 _x; do case $w in [a-z]*) echo alpha;; [0-9]*) echo digit;; *) echo other;; esac; done
#### case alternatives and quoting
for w in yes Y no '*'; do case $w in y|Y|yes) echo Y;; "*") echo star;; *) echo N;; esac; done
#### case with no match
case x in y) echo y;; esac; echo st=$?
#### case pattern from variable
p='a*'; case abc in $p) echo m;; esac; case abc in "$p") echo q;; *) echo nq;; esac
#### case paren form and empty body
case b in (a) echo a;; (b) ;; esac; echo after
