#!/usr/bin/env python3
"""Checks a Sotto HTML report in a real browser (headless Chromium through Selenium).

Usage: html-check.py REPORT.html [SCREENSHOT_FOLDER]

At 420 and 1200 CSS px wide it checks that nothing overflows horizontally
(document scrollWidth <= window innerWidth), that every SVG text is at least 10 CSS px high,
and that the page requests nothing outside itself. Prints one line per finding and exits 1 when
there is any; exits 2 when Chromium, chromedriver or Selenium is missing (the caller skips).
Screenshots (if a folder is given) are for people; they are never committed.
"""
import os
import shutil
import sys

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
except ImportError:
    print("html-check: Python's selenium is not installed", file=sys.stderr)
    sys.exit(2)

WIDTHS = (420, 1200)
MIN_TEXT_PX = 10.0


def find(*names):
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    return None


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: html-check.py REPORT.html [SCREENSHOT_FOLDER]")
    page = os.path.abspath(sys.argv[1])
    shots = sys.argv[2] if len(sys.argv) == 3 else None
    browser = find("chromium", "chromium-browser", "google-chrome")
    driver_path = find("chromedriver")
    if not browser or not driver_path:
        print("html-check: chromium or chromedriver is not installed", file=sys.stderr)
        sys.exit(2)
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--hide-scrollbars", "--force-device-scale-factor=1"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    findings = []
    try:
        for width in WIDTHS:
            # The window's inner width is what the page lays out in: size the window so.
            driver.set_window_size(width, 900)
            inner = driver.execute_script("return window.innerWidth")
            driver.set_window_size(width + (width - inner), 900)
            driver.get("file://" + page)
            inner = driver.execute_script("return window.innerWidth")
            scroll = driver.execute_script("return document.documentElement.scrollWidth")
            if scroll > inner:
                findings.append(f"{width} px: the page is {scroll} px wide, wider than {inner}")
            small = driver.execute_script(
                "return Array.from(document.querySelectorAll('svg text'))"
                ".map(t => [t.textContent, t.getBoundingClientRect().height])"
                f".filter(p => p[0].trim() !== '' && p[1] < {MIN_TEXT_PX})")
            for text, height in small[:10]:
                findings.append(
                    f"{width} px: an SVG text is {height:.1f} px high (at least {MIN_TEXT_PX})")
            if len(small) > 10:
                findings.append(f"{width} px: and {len(small) - 10} more small SVG texts")
            texts = driver.execute_script("return document.querySelectorAll('svg text').length")
            if texts == 0:
                findings.append(f"{width} px: no SVG text at all (charts missing?)")
            requested = driver.execute_script(
                "return performance.getEntriesByType('resource').map(e => e.name)")
            for name in requested:
                findings.append(f"{width} px: the page requested {name}")
            if shots:
                os.makedirs(shots, exist_ok=True)
                height = driver.execute_script("return document.documentElement.scrollHeight")
                driver.set_window_size(width + (width - inner), min(height + 100, 12000))
                driver.save_screenshot(os.path.join(shots, f"report-{width}.png"))
    finally:
        driver.quit()
    for finding in findings:
        print(finding)
    sys.exit(1 if findings else 0)


if __name__ == "__main__":
    main()
