// Uploads with drag and drop and a progress bar. Each file is sent as the request body (streamed
// by the browser and by the server), with the session's CSRF token in a header.
"use strict";
(function () {
  const drop = document.getElementById("drop");
  if (!drop) {
    return;
  }
  const input = document.getElementById("upload");
  const progress = document.getElementById("progress");
  const status = document.getElementById("upload-status");
  const token = document.querySelector('meta[name="csrf-token"]').content;

  function uploadOne(file) {
    return new Promise(function (resolve, reject) {
      const xhr = new XMLHttpRequest();
      xhr.open("POST", drop.dataset.upload + "?name=" + encodeURIComponent(file.name));
      xhr.setRequestHeader("X-CSRF-Token", token);
      xhr.setRequestHeader("Content-Type", "application/octet-stream");
      xhr.upload.onprogress = function (e) {
        if (e.lengthComputable) {
          progress.value = Math.round((e.loaded / e.total) * 100);
        }
      };
      xhr.onload = function () {
        if (xhr.status === 201) {
          resolve();
        } else {
          const page = new DOMParser().parseFromString(xhr.responseText, "text/html");
          const alert = page.querySelector("[role=alert]");
          reject(new Error(alert ? alert.textContent : "The upload failed (" + xhr.status + ")."));
        }
      };
      xhr.onerror = function () {
        reject(new Error("The connection broke during the upload. Try again."));
      };
      xhr.send(file);
    });
  }

  async function upload(files) {
    progress.hidden = false;
    try {
      for (const file of files) {
        status.textContent = "Uploading " + file.name + "…";
        progress.value = 0;
        await uploadOne(file);
      }
      status.textContent = "Uploaded.";
      window.location.reload();
    } catch (e) {
      status.textContent = e.message;
      status.className = "error";
    }
  }

  input.addEventListener("change", function () {
    upload(Array.from(input.files));
  });
  drop.addEventListener("dragover", function (e) {
    e.preventDefault();
    drop.classList.add("over");
  });
  drop.addEventListener("dragleave", function () {
    drop.classList.remove("over");
  });
  drop.addEventListener("drop", function (e) {
    e.preventDefault();
    drop.classList.remove("over");
    upload(Array.from(e.dataTransfer.files));
  });
})();
