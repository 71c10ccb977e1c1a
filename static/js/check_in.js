// Check-in page: read a door pass's QR code with the device's camera.
// Progressive enhancement: the reference field works without this file, and
// the "Scan QR code" button only appears where the browser can read QR codes
// itself (BarcodeDetector) and has a camera. No library, nothing fetched.
(function () {
  "use strict";

  var form = document.querySelector("[data-check-in-reference]");
  if (
    !form ||
    !("BarcodeDetector" in window) ||
    !navigator.mediaDevices ||
    !navigator.mediaDevices.getUserMedia
  ) {
    return;
  }
  var scanButton = form.querySelector("[data-check-in-scan]");
  var scanner = form.querySelector("[data-check-in-scanner]");
  var video = scanner.querySelector("video");
  var status = scanner.querySelector("[data-check-in-scanner-status]");
  var stopButton = scanner.querySelector("[data-check-in-scan-stop]");
  var input = form.querySelector("input[name=reference]");
  var submit = form.querySelector("button[name=by_reference]");
  var stream = null;
  var timer = null;
  var detector = null;

  function stop() {
    if (timer) {
      window.clearTimeout(timer);
      timer = null;
    }
    if (stream) {
      stream.getTracks().forEach(function (track) {
        track.stop();
      });
      stream = null;
    }
    video.srcObject = null;
    scanner.hidden = true;
  }

  function found(value) {
    stop();
    input.value = value;
    // Submit as if the button was pressed, so the server sees which form.
    if (form.requestSubmit) {
      form.requestSubmit(submit);
    } else {
      submit.click();
    }
  }

  function look() {
    detector
      .detect(video)
      .then(function (codes) {
        if (codes.length && codes[0].rawValue) {
          found(codes[0].rawValue);
        } else if (stream) {
          timer = window.setTimeout(look, 200);
        }
      })
      .catch(function () {
        if (stream) {
          timer = window.setTimeout(look, 400);
        }
      });
  }

  function start() {
    scanner.hidden = false;
    status.textContent = scanner.dataset.msgStarting;
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: "environment" }, audio: false })
      .then(function (media) {
        stream = media;
        video.srcObject = media;
        return video.play();
      })
      .then(function () {
        status.textContent = scanner.dataset.msgPoint;
        stopButton.focus();
        look();
      })
      .catch(function () {
        stop();
        scanner.hidden = false;
        status.textContent = scanner.dataset.msgNoCamera;
        input.focus();
      });
  }

  window.BarcodeDetector.getSupportedFormats()
    .then(function (formats) {
      if (formats.indexOf("qr_code") === -1) {
        return;
      }
      detector = new window.BarcodeDetector({ formats: ["qr_code"] });
      scanButton.hidden = false;
      scanButton.addEventListener("click", start);
      stopButton.addEventListener("click", function () {
        stop();
        scanButton.focus();
      });
      document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && stream) {
          stop();
          scanButton.focus();
        }
      });
    })
    .catch(function () {});
})();
