module example.com/fixture

go 1.21

require (
	golang.org/x/net v0.0.0-20200114155413-6afb5195e5aa
	golang.org/x/text v0.3.2 // indirect
	github.com/gin-gonic/gin v1.6.0
)
