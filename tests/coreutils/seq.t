seq 5
seq 3 7
seq 1 2 10
seq 10 -3 1
seq -2 2
seq 5 1
seq 0.5 0.5 2
seq 1 0.1 1.5
seq -w 8 11
seq -w 1 10
seq -s , 1 5
seq -s ': ' 3
seq -f '%.2f' 1 3
seq -f 'n%g' 2
seq 0
seq -1
seq -5 -1
@status seq
@status seq a
@status seq 1 0 5
seq 1 1
