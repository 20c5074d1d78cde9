// Package main is a call-analysis fixture: it calls fmt.Println and
// never imports net/http.
package main

import "fmt"

func main() {
	fmt.Println("hello")
}
