package auth

import "regexp"

// DeviceName is the label Strapi's session list shows for the User-Agent of a login
// (@strapi/utils user-agent.js): "<Browser> on <OS>", the browser or the OS alone when
// only one is recognized, "" when neither is. Heuristic, for display only.
func DeviceName(userAgent string) string {
	// Browser and OS tokens come early; clamping bounds the work an oversized header costs.
	if len(userAgent) > maxUserAgentLength {
		userAgent = userAgent[:maxUserAgentLength]
	}
	browser, os := "", ""
	for _, b := range uaBrowsers {
		if b.re.MatchString(userAgent) {
			browser = b.name
			break
		}
	}
	for _, o := range uaSystems {
		if o.re.MatchString(userAgent) {
			os = o.name
			break
		}
	}
	switch {
	case browser != "" && os != "":
		return browser + " on " + os
	case browser != "":
		return browser
	default:
		return os
	}
}

const maxUserAgentLength = 1024

type uaPattern struct {
	name string
	re   *regexp.Regexp
}

// uaBrowsers in Strapi's order: the more specific tokens first (Chromium forks also carry
// "Chrome/", and Chrome and Edge also carry "Safari/").
var uaBrowsers = []uaPattern{
	{"Edge", regexp.MustCompile(`\bEdg(?:e|A|iOS)?/`)},
	{"Opera", regexp.MustCompile(`\b(?:OPR|Opera)/`)},
	{"Samsung Internet", regexp.MustCompile(`\bSamsungBrowser/`)},
	{"Vivaldi", regexp.MustCompile(`\bVivaldi/`)},
	{"Yandex Browser", regexp.MustCompile(`\b(?:YaBrowser|Yowser)/`)},
	{"Brave", regexp.MustCompile(`\bBrave/`)},
	{"Firefox", regexp.MustCompile(`\b(?:Firefox|FxiOS)/`)},
	{"Chrome", regexp.MustCompile(`\b(?:Chrome|CriOS|Chromium)/`)},
	{"Safari", regexp.MustCompile(`\bSafari/`)},
}

// uaSystems in Strapi's order: iOS before macOS ("Mac OS X" appears on iOS too), Android
// and ChromeOS before Linux.
var uaSystems = []uaPattern{
	{"Windows", regexp.MustCompile(`\bWindows NT\b`)},
	{"iOS", regexp.MustCompile(`\b(?:iPhone|iPad|iPod)\b`)},
	{"Android", regexp.MustCompile(`\bAndroid\b`)},
	{"macOS", regexp.MustCompile(`\b(?:Macintosh|Mac OS X)\b`)},
	{"ChromeOS", regexp.MustCompile(`\bCrOS\b`)},
	{"Linux", regexp.MustCompile(`\bLinux\b`)},
}
