#### dollar paren
echo "[$(echo a b)]"
#### nested three deep
echo $(echo 1 $(echo 2 $(echo 3)))
#### backquotes nested
echo `echo a \`echo b\``
#### trailing newlines removed
x=$(printf 'a\n\n\n'); echo "[$x]"
#### inner newlines kept
x=$(printf 'a\nb'); echo "$x"
#### status of substitution
x=$(false); echo $?; x=$(exit 3); echo $?
#### case inside substitution
echo $(case a in a) echo matched;; esac)
#### parenthesis in substitution
echo $( (echo sub) )
#### substitution with here-document
x=$(cat <<EOF
hd
EOF
); echo $x
#### subst does not change variables outside
x=1; y=$(x=2; echo $x); echo $x $y
#### quotes inside dq subst
echo "$(echo "a  b")"
#### empty substitution
echo "[$(true)]" $(true) end
