/* global Office, window, document, navigator, location */
/* eslint-disable prettier/prettier -- ES5: no trailing commas in calls */
/*
 * Loaded first by the task pane and the ribbon command page, in ES5 so that every webview Office may use
 * can run it. The add-in's bundles need a current webview (ES2022: Microsoft Edge WebView2, Safari 16.4
 * or later, a current browser for Excel on the web). Older Office builds on Windows run add-ins in
 * Internet Explorer 11 (Trident) or Edge Legacy (EdgeHTML), where the bundles cannot even be parsed: there
 * this script says so, in the pane and from the ribbon button, instead of a blank pane or a silent failure.
 */
(function () {
  var supported = true;
  // Syntax the bundles use (class fields and static blocks, ?. and ??): a SyntaxError in old webviews.
  var probe = "class A { static x = 1; static { } } var o = null; return (o?.p ?? A.x) === 1;";
  try {
    supported = new Function(probe)() === true;
  } catch (ignored) { // eslint-disable-line @typescript-eslint/no-unused-vars
    supported = false;
  }
  window.selfevalWebviewSupported = supported;
  if (supported) return;

  var zh = !/^en/i.test(navigator.language || navigator.userLanguage || "zh");
  var text = zh
    ? "此版本 Office 使用旧的浏览器组件（Internet Explorer 11 或旧版 Edge）显示插件，无法运行绩效自评校验。" +
      "请安装 Microsoft Edge WebView2 运行时或更新 Microsoft 365，或改用网页版 Excel；离线时可使用命令行 selfeval。"
    : "This Office shows add-ins in an old webview (Internet Explorer 11 or Edge Legacy), which cannot run selfeval. " +
      "Install the Microsoft Edge WebView2 Runtime or update Microsoft 365, or use Excel on the web; offline, the selfeval command line works.";
  window.selfevalWebviewMessage = text;

  function show() {
    var root = document.getElementById("root");
    if (!root) return;
    root.innerHTML = "";
    var p = document.createElement("p");
    p.setAttribute("role", "alert");
    p.style.margin = "16px";
    p.style.font = '14px/1.5 "Segoe UI", "Microsoft YaHei", sans-serif';
    p.appendChild(document.createTextNode(text));
    root.appendChild(p);
  }
  if (document.readyState === "loading")
    document.addEventListener("DOMContentLoaded", show);
  else show();

  // The ribbon's 校验本表 (ExecuteFunction): says the same in the add-in's message dialog.
  function checkSheet(event) {
    function done() {
      event.completed();
    }
    var url =
      location.href.replace(/[^/]*([?#].*)?$/, "") +
      "message.html?m=" +
      encodeURIComponent(text);
    try {
      Office.context.ui.displayDialogAsync(url, { height: 30, width: 40 }, done);
    } catch (ignored) { // eslint-disable-line @typescript-eslint/no-unused-vars
      event.completed();
    }
  }
  window.checkSheet = checkSheet;
  if (typeof Office !== "undefined" && Office.onReady) {
    Office.onReady(function () {
      if (Office.actions && Office.actions.associate)
        Office.actions.associate("checkSheet", checkSheet);
    });
  }
})();
