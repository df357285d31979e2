//go:build unix

package server_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"flag"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	. "github.com/mrzkit/mrzkit/internal/server"
	"github.com/mrzkit/mrzkit/internal/server/servertest"
)

var screenshot = flag.String("screenshot", "", "TestPageInBrowser writes the page's screenshot (PNG) to this file, e.g. ../../docs/serve-page.png")

// findBrowser returns the path of Chromium, or "".
func findBrowser() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// TestPageInBrowser opens the page in headless Chromium, selects a passport
// image in its file input as a person would, and checks what the page then
// shows: the fields, the check results, and the boxes drawn over the image.
func TestPageInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the headless browser test")
	}
	browser := findBrowser()
	if browser == "" {
		t.Skip("no Chromium installed: skipping the page test (apt-get install chromium)")
	}
	images, err := servertest.SharedImages("../../../shared/images")
	if errors.Is(err, servertest.ErrNoShared) {
		t.Skip("../shared/images is absent: skipping the page test")
	}
	if err != nil {
		t.Fatal(err)
	}
	var im servertest.Image
	for _, x := range images {
		if x.Name == "synthetic/td3_clean.png" {
			im = x
		}
	}
	if im.Polygons == nil {
		t.Fatal("synthetic/td3_clean.png: no image with line boxes")
	}
	// The reader mrz serve ships with: the boxes are where package ocr found
	// the characters.
	s, _ := newTestServer(t, Config{Reader: OCRReader{}})
	ts := httptest.NewServer(s)
	defer ts.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	// Chromium's own profile, removed when it and its children have gone
	// (t.TempDir would fail on files they write while exiting).
	profile, err := os.MkdirTemp("", "mrzkit-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		for i := 0; i < 20 && os.RemoveAll(profile) != nil; i++ {
			time.Sleep(50 * time.Millisecond)
		}
	}()
	cmd := exec.CommandContext(ctx, browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
		"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-extensions", "--hide-scrollbars", "--user-data-dir="+profile, "--remote-debugging-port=0",
		"--remote-debugging-address=127.0.0.1", "about:blank")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} // its own process group, to end its children with it
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		cmd.Wait()
	}()
	wsRe := regexp.MustCompile(`DevTools listening on (ws://\S+)`)
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if m := wsRe.FindStringSubmatch(sc.Text()); m != nil {
				select {
				case found <- m[1]:
				default:
				}
			}
		}
	}()
	var browserWS string
	select {
	case browserWS = <-found:
	case <-time.After(30 * time.Second):
		t.Fatal("Chromium did not start its DevTools server")
	}
	// The page target's own WebSocket, from the DevTools HTTP list.
	host := strings.TrimPrefix(browserWS, "ws://")
	host = host[:strings.IndexByte(host, '/')]
	var targets []struct{ Type, WebSocketDebuggerURL string }
	resp, err := http.Get("http://" + host + "/json/list")
	if err != nil {
		t.Fatal(err)
	}
	json.NewDecoder(resp.Body).Decode(&targets)
	resp.Body.Close()
	pageWS := ""
	for _, tg := range targets {
		if tg.Type == "page" {
			pageWS = tg.WebSocketDebuggerURL
		}
	}
	if pageWS == "" {
		t.Fatalf("no page target: %+v", targets)
	}
	ws, err := dialWS(pageWS)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	c := &cdp{ws: ws}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(c.call("Emulation.setDeviceMetricsOverride", map[string]any{"width": 1200, "height": 720, "deviceScaleFactor": 1, "mobile": false}, nil))
	must(c.call("Page.enable", nil, nil))
	must(c.call("Page.navigate", map[string]any{"url": ts.URL + "/"}, nil))
	waitPage := func(expr, want string) {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		for {
			var got string
			err := c.eval(expr, &got)
			if err == nil && got == want {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s = %q (%v), want %q", expr, got, err, want)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	waitPage("document.readyState", "complete")
	waitPage("document.body.dataset.state", "idle")

	// Type the key, then choose the file in the file input.
	must(c.eval(`(() => { const k = document.getElementById("key"); k.value = "`+testKey+`"; k.dispatchEvent(new Event("change")); return ""; })()`, nil))
	var doc struct {
		Root struct {
			NodeID int `json:"nodeId"`
		} `json:"root"`
	}
	must(c.call("DOM.getDocument", nil, &doc))
	var q struct {
		NodeID int `json:"nodeId"`
	}
	must(c.call("DOM.querySelector", map[string]any{"nodeId": doc.Root.NodeID, "selector": "#file"}, &q))
	abs, _ := filepath.Abs(filepath.Join("../../../shared/images", im.Name))
	must(c.call("DOM.setFileInputFiles", map[string]any{"nodeId": q.NodeID, "files": []string{abs}}, nil))
	waitPage("document.body.dataset.state", "done")

	var shown struct {
		Status string
		Fields [][]string
		Checks [][]string
		Lines  string
		Boxes  string
		Inked  int
	}
	must(c.eval(`(() => {
		const rows = (id) => Array.from(document.getElementById(id).rows, (r) => Array.from(r.cells, (c) => c.textContent));
		const cv = document.getElementById("boxes");
		const px = cv.getContext("2d").getImageData(0, 0, cv.width, cv.height).data;
		let inked = 0;
		for (let i = 3; i < px.length; i += 4) if (px[i] > 0) inked++;
		return { Status: document.getElementById("status").textContent, Fields: rows("fields"), Checks: rows("checks"),
			Lines: document.getElementById("lines").textContent, Boxes: document.body.dataset.boxes, Inked: inked };
	})()`, &shown))
	if !strings.Contains(shown.Status, "TD3") || !strings.Contains(shown.Status, "every check holds") {
		t.Errorf("status %q", shown.Status)
	}
	fields := map[string]string{}
	for _, r := range shown.Fields {
		if len(r) >= 2 {
			fields[r[0]] = r[1]
		}
	}
	d := im.Document
	for label, want := range map[string]string{"Document number": d.DocumentNumber(), "Surname": d.Surname(),
		"Given names": strings.Join(d.GivenNames(), " "), "Date of birth": d.BirthDate().String(),
		"Expiry date": d.ExpiryDate().String(), "Issuing country": "UTO", "Sex": "F"} {
		if fields[label] != want {
			t.Errorf("the page shows %s %q, want %q", label, fields[label], want)
		}
	}
	if len(shown.Checks) != 5 {
		t.Errorf("checks %q", shown.Checks)
	}
	for _, r := range shown.Checks {
		if len(r) < 2 || !strings.Contains(r[1], "holds") {
			t.Errorf("check %q", r)
		}
	}
	if shown.Lines != strings.Join(im.Lines, "\n") {
		t.Errorf("lines %q", shown.Lines)
	}
	// Two MRZ lines and the eight fields with a polygon of their own (the
	// surname and each given name apart).
	if shown.Boxes != "10" || shown.Inked < 2000 {
		t.Errorf("boxes %s, %d pixels drawn", shown.Boxes, shown.Inked)
	}

	var shot struct{ Data string }
	must(c.call("Page.captureScreenshot", map[string]any{"format": "png"}, &shot))
	b, err := base64.StdEncoding.DecodeString(shot.Data)
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(b))
	if err != nil || cfg.Width != 1200 || cfg.Height != 720 {
		t.Fatalf("screenshot: %v %+v", err, cfg)
	}
	if *screenshot != "" {
		must(os.WriteFile(*screenshot, b, 0o644))
		t.Logf("wrote %s (%d bytes)", *screenshot, len(b))
	}
}
