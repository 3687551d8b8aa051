sleep 0
sleep 0.1
sleep 0.05s
@status sleep
@status sleep x
@status sleep -1
