// "더 알아보기: …" 절을 처음에는 접어 두고, 제목을 누르면 펼칩니다 (노트북에서 접힌 제목과 같은 모습).
document.addEventListener("DOMContentLoaded", () => {
  for (const heading of document.querySelectorAll("section > h2")) {
    if (!heading.textContent.trim().startsWith("더 알아보기")) continue;
    const section = heading.parentElement;
    section.classList.add("more-to-learn", "folded");
    heading.setAttribute("role", "button");
    heading.setAttribute("tabindex", "0");
    heading.setAttribute("aria-expanded", "false");
    const toggle = () => {
      const folded = section.classList.toggle("folded");
      heading.setAttribute("aria-expanded", String(!folded));
    };
    heading.addEventListener("click", (event) => {
      if (event.target.closest("a.headerlink")) return;
      toggle();
    });
    heading.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); toggle(); }
    });
  }
  // 주소가 접힌 절 안을 가리키면(검색 결과, 목차) 그 절을 펼칩니다.
  const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  const folded = target && target.closest("section.more-to-learn.folded");
  if (folded) { folded.classList.remove("folded"); target.scrollIntoView(); }
});
