#### output and input
echo hi > f; cat < f
#### append
echo a > f; echo b >> f; cat f
#### clobber with noclobber
echo a > f; set -C; (echo b > f) 2>/dev/null; echo st=$?; echo c >| f; cat f
#### numbered descriptors
{ echo out; echo err >&2; } 2>e >o; cat o e
#### duplicate stderr to stdout
(echo to-err >&2) 2>&1 | cat
#### close descriptor
(echo x >&-) 2>/dev/null; echo st=$?
#### read-write open
echo abc > f; exec 3<>f; read -r l <&3; echo $l; exec 3>&-
#### dup input
echo line > f; exec 4<f; cat <&4; exec 4<&-
#### redirection on compound command
{ echo 1; echo 2; } > f; while read l; do echo "<$l>"; done < f
#### redirection order matters
(echo err >&2) 2>&1 >/dev/null | cat
#### missing input file
cat < nonexist; echo st=$?
#### create in missing directory
echo x > nodir/f; echo st=$?
#### redirection without command creates file
> empty; [ -f empty ] && echo made
#### redirection on for loop
for i in 1 2; do echo $i; done > f; cat f
#### exec redirection persists
exec 5>f5; echo to5 >&5; exec 5>&-; cat f5
#### here-document expands
x=val; cat <<EOF
x=$x $(echo cmd) $((1+1)) \$x
EOF
#### here-document quoted delimiter
x=val; cat <<'EOF'
x=$x $(echo cmd) \$x
EOF
#### here-document strip tabs
cat <<-EOF
	tabbed
		twice
	EOF
#### two here-documents on one line
cat <<A; cat <<B
a
A
b
B
#### here-document in a function
f() {
	cat <<EOF
in f: $1
EOF
}
f arg
#### here-document to a loop
while read a b; do echo "$b-$a"; done <<EOF
1 one
2 two
EOF
#### here-document with backslash
cat <<EOF
a\\b \$c \"d\"
EOF
#### here-document on numbered fd
cat 3<<EOF <&3
three
EOF
#### bad fd number
echo hi >&7; echo st=$?
