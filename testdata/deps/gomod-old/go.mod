module example.com/oldfixture

go 1.13

require github.com/gin-gonic/gin v1.6.0
