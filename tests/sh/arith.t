#### precedence
echo $((1+2*3)) $(((1+2)*3)) $((10-4-3)) $((2*3%4)) $((-3/2)) $((7%-3))
#### comparisons and logic
echo $((1<2)) $((2<=1)) $((3==3)) $((3!=3)) $((1&&0)) $((0||2)) $((!5))
#### bit operators
echo $((5&3)) $((5|3)) $((5^3)) $((~0)) $((1<<4)) $((256>>2))
#### ternary
x=5; echo $((x>3?10:20)) $((x<3?10:x<6?30:40))
#### assignments
i=1; echo $((i+=2)) $i $((i*=3)) $((i-=1)) $((i/=2)) $((i%=3)) $i
#### shift and bit assignments
x=1; : $((x<<=3)); echo $x; : $((x|=5)); echo $x; : $((x&=12)); echo $x; : $((x^=1)); echo $x; : $((x>>=1)); echo $x
#### variables without dollar
a=3 b=4; echo $((a*a+b*b)) $(($a+$b))
#### hex and octal
echo $((0x10)) $((010)) $((0xff+1))
#### unset variable is zero
unset z; echo $((z+1))
#### short circuit skips assignment
x=0; echo $((0 && (x=1))) $x $((1 || (x=2))) $x
#### nested arithmetic and command substitution
echo $(( $(echo 3) * $((2+2)) ))
#### division by zero is an error
(echo $((1/0))) 2>/dev/null; echo st=$?
#### unary minus and plus
x=4; echo $((-x)) $((+x)) $((- -x))
#### loop counter
i=0; s=0; while [ $i -lt 10 ]; do s=$((s+i)); i=$((i+1)); done; echo $s
